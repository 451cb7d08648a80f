package com.onix.twofactor.kernel.organization;

public record PolicyEnabled(String organizationId) {}
