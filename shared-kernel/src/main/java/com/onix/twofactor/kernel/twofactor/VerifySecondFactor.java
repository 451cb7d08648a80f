package com.onix.twofactor.kernel.twofactor;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The sign-in page has a code checked. Handled with a {@link VerificationOutcome} result. */
public record VerifySecondFactor(
    @TargetAggregateIdentifier String userId, VerificationMethod method, String code) {

  @Override
  public String toString() {
    return "VerifySecondFactor[userId=" + userId + ", method=" + method + ", code=<secret>]";
  }
}
