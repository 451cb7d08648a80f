package com.onix.twofactor.kernel.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An organization admin adds a user; the email must not belong to anyone else, anywhere. */
public record RegisterUser(
    @TargetAggregateIdentifier String userId,
    String organizationId,
    String email,
    String displayName,
    SignInMethod signInMethod) {}
