package com.onix.twofactor.kernel.accesscode;

import com.onix.twofactor.kernel.audit.Secret;
import java.time.Instant;

/** The new code, in plaintext for the admin to copy: here once, and nowhere else, ever. */
public record IssuedAccessCode(
    String accessCodeId, @Secret String code, Instant expiresAt, long version) {

  @Override
  public String toString() {
    return "IssuedAccessCode[accessCodeId="
        + accessCodeId
        + ", code=<secret>, expiresAt="
        + expiresAt
        + "]";
  }
}
