package com.onix.twofactor.kernel.emailcode;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An organization admin switches "Allow codes by email". Handled with an {@link EmailCodePolicy}
 * result.
 */
public record SetEmailCodePolicy(
    @TargetAggregateIdentifier String organizationId, boolean allowed) {}
