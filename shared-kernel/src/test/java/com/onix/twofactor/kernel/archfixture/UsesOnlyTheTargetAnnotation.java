package com.onix.twofactor.kernel.archfixture;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A kernel-shaped command the dependency rule must accept. */
public record UsesOnlyTheTargetAnnotation(@TargetAggregateIdentifier String id) {}
