package com.onix.twofactor.kernel.organization;

import com.onix.twofactor.kernel.audit.OrganizationScoped;

public record PolicyDisabled(String organizationId) implements OrganizationScoped {}
