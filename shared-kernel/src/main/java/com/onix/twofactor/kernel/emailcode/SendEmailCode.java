package com.onix.twofactor.kernel.emailcode;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The sign-in page asks for a code by email. Handled with an {@link EmailCodeRequestOutcome}. */
public record SendEmailCode(@TargetAggregateIdentifier String userId) {}
