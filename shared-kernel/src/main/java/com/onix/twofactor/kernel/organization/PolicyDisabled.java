package com.onix.twofactor.kernel.organization;

public record PolicyDisabled(String organizationId) {}
