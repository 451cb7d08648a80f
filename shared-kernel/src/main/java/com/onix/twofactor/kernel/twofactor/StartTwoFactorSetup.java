package com.onix.twofactor.kernel.twofactor;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The user (or the sign-in page for them) asks for a fresh authenticator secret. Replaces a pending
 * setup; refused while one is active. Handled with a {@link SetupSecret} result.
 */
public record StartTwoFactorSetup(@TargetAggregateIdentifier String userId) {}
