package com.onix.twofactor.console.apis;

import java.time.Instant;

/**
 * A freshly issued access code: the only time its plaintext exists outside the user's hands. It is
 * shown on the page that answers the request and kept nowhere.
 */
public record IssuedCode(String accessCodeId, String code, Instant expiresAt, String version) {

  @Override
  public String toString() {
    return "IssuedCode[accessCodeId="
        + accessCodeId
        + ", code=<hidden>, expiresAt="
        + expiresAt
        + "]";
  }
}
