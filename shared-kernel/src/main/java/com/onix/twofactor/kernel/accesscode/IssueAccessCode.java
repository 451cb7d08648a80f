package com.onix.twofactor.kernel.accesscode;

import java.time.Duration;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An admin gets a temporary access code for a stuck user ("Get access code"). Supersedes the user's
 * previous code and clears a lockout. Handled with an {@link IssuedAccessCode} result.
 */
public record IssueAccessCode(
    @TargetAggregateIdentifier String userId,
    String organizationId,
    String adminId,
    Duration lifetime) {}
