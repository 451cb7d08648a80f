package com.onix.twofactor.support.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /caller}: who the service takes the bearer of this token for. A client checks with it
 * that its token is accepted and grants what it expects; it reads nothing but the token, which also
 * makes it the benchmark's baseline for what authentication and the framework cost.
 */
@RestController
@SecurityRequirement(name = "bearer")
public class CallerController {

  /** The token's subject, its Onix roles (unknown names left out) and its organization. */
  public record CallerView(String subject, List<String> roles, String organizationId) {}

  @Operation(summary = "Who the bearer token says the caller is (any valid token)")
  @AnyValidToken
  @GetMapping(path = "/caller", produces = MediaType.APPLICATION_JSON_VALUE)
  public CallerView caller(Caller caller) {
    return new CallerView(
        caller.subject(),
        caller.roles().stream().map(Enum::name).sorted().toList(),
        caller.organizationId());
  }
}
