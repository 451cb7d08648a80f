package com.onix.twofactor.support.security;

/** Claim names of this API's bearer tokens beyond the registered ones. */
public final class TokenClaims {

  public static final String ROLES = "roles";
  public static final String ORGANIZATION = "org";

  private TokenClaims() {}
}
