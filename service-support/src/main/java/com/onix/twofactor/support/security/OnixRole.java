package com.onix.twofactor.support.security;

import java.util.Optional;

/** The roles a token's {@code roles} claim may grant. */
public enum OnixRole {
  PLATFORM_OPERATOR(false),
  ORG_ADMIN(true),
  AUDITOR(true),
  SIGN_IN_SERVICE(false),
  USER(false);

  private final boolean organizationScoped;

  OnixRole(boolean organizationScoped) {
    this.organizationScoped = organizationScoped;
  }

  /** Org-scoped roles apply only to the organization named by the token's {@code org} claim. */
  public boolean organizationScoped() {
    return organizationScoped;
  }

  public static Optional<OnixRole> parse(String name) {
    for (OnixRole role : values()) {
      if (role.name().equals(name)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
