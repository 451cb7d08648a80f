package com.onix.twofactor.kernel.organization;

/**
 * The policy after a {@link SetTwoFactorPolicy}: its value and the aggregate version holding it.
 */
public record PolicyState(boolean required, long version) {}
