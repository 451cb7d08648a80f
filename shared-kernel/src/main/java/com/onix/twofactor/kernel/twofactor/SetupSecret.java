package com.onix.twofactor.kernel.twofactor;

import com.onix.twofactor.kernel.audit.Secret;

/**
 * What a {@link StartTwoFactorSetup} hands back, once, to the caller who shows it to the user: the
 * secret (base32) and the email the authenticator app labels it with.
 */
public record SetupSecret(@Secret String secretBase32, String email, long version) {

  @Override
  public String toString() {
    return "SetupSecret[secretBase32=<secret>, email=" + email + ", version=" + version + "]";
  }
}
