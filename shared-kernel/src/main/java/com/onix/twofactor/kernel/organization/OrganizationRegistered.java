package com.onix.twofactor.kernel.organization;

public record OrganizationRegistered(String organizationId, String name) {}
