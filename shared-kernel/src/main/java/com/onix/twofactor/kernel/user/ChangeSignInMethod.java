package com.onix.twofactor.kernel.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeSignInMethod(
    @TargetAggregateIdentifier String userId, String organizationId, SignInMethod signInMethod) {}
