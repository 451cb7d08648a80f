package com.onix.twofactor.kernel.organization;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An organization admin switches the company-wide "Require two-factor authentication" policy.
 * Handled with a {@link PolicyState} result.
 */
public record SetTwoFactorPolicy(
    @TargetAggregateIdentifier String organizationId, boolean required) {}
