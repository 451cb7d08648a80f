package com.onix.twofactor.kernel.accesscode;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokeAccessCode(
    @TargetAggregateIdentifier String userId, String organizationId, String accessCodeId) {}
