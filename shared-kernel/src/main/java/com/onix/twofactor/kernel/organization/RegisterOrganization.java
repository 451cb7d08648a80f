package com.onix.twofactor.kernel.organization;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A platform operator registers a new organization; its 2FA policy starts switched off. */
public record RegisterOrganization(@TargetAggregateIdentifier String organizationId, String name) {}
