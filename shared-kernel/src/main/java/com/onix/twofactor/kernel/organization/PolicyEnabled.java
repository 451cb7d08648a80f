package com.onix.twofactor.kernel.organization;

import com.onix.twofactor.kernel.audit.OrganizationScoped;

public record PolicyEnabled(String organizationId) implements OrganizationScoped {}
