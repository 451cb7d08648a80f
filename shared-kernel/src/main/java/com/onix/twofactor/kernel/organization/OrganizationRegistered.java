package com.onix.twofactor.kernel.organization;

import com.onix.twofactor.kernel.audit.OrganizationScoped;

public record OrganizationRegistered(String organizationId, String name)
    implements OrganizationScoped {}
