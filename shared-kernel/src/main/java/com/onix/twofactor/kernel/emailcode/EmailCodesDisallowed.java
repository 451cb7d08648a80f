package com.onix.twofactor.kernel.emailcode;

import com.onix.twofactor.kernel.audit.OrganizationScoped;

public record EmailCodesDisallowed(String organizationId) implements OrganizationScoped {}
