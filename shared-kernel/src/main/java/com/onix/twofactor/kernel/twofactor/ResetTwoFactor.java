package com.onix.twofactor.kernel.twofactor;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An admin resets a user's 2FA: enrollment gone, lockout cleared, the old secret made
 * unrecoverable.
 */
public record ResetTwoFactor(
    @TargetAggregateIdentifier String userId,
    String organizationId,
    String adminId,
    String reason) {}
