package com.onix.twofactor.command.organization;

public class UnknownOrganization extends RuntimeException {
  public UnknownOrganization() {
    super("unknown organization", null, false, false);
  }
}
