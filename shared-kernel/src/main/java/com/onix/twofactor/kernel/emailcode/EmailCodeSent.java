package com.onix.twofactor.kernel.emailcode;

import com.onix.twofactor.kernel.audit.OrganizationScoped;
import com.onix.twofactor.kernel.audit.Secret;
import java.time.Instant;

/**
 * A code was generated to be mailed to the user. The event holds a keyed hash of it, to check it,
 * and the code sealed (AES-256-GCM) under the user's data key {@code keyId}, for the mailer alone
 * to open: a reset destroys that key, after which no pending code can be mailed any more.
 */
public record EmailCodeSent(
    String userId,
    String organizationId,
    String emailCodeId,
    @Secret String codeHash,
    String keyId,
    @Secret String sealedCode,
    Instant expiresAt)
    implements OrganizationScoped {

  @Override
  public String toString() {
    return "EmailCodeSent[userId="
        + userId
        + ", emailCodeId="
        + emailCodeId
        + ", expiresAt="
        + expiresAt
        + ", <secret>]";
  }
}
