package com.onix.twofactor.prompt.result;

import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /.well-known/jwks.json}: the public keys that check a result. */
@RestController
public class JwkSetController {

  private final ResultKeys keys;

  public JwkSetController(ResultKeys keys) {
    this.keys = keys;
  }

  @GetMapping(value = "/.well-known/jwks.json", produces = "application/jwk-set+json")
  ResponseEntity<Map<String, Object>> jwkSet() {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
        .body(keys.publicKeys().toJSONObject());
  }
}
