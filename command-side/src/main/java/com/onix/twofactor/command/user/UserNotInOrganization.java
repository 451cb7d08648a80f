package com.onix.twofactor.command.user;

/** The user exists, but not in the organization the command names: answered as unknown. */
public class UserNotInOrganization extends RuntimeException {
  public UserNotInOrganization() {
    super("user not in organization", null, false, false);
  }
}
