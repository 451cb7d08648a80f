package com.onix.twofactor.kernel.twofactor;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A first code from the authenticator app proves the user holds the secret. */
public record ConfirmTwoFactorSetup(@TargetAggregateIdentifier String userId, String code) {

  @Override
  public String toString() {
    return "ConfirmTwoFactorSetup[userId=" + userId + ", code=<secret>]";
  }
}
