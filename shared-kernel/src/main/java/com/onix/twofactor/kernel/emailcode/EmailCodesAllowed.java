package com.onix.twofactor.kernel.emailcode;

import com.onix.twofactor.kernel.audit.OrganizationScoped;

/** Users of the organization with an active enrollment may sign in with a code by email. */
public record EmailCodesAllowed(String organizationId) implements OrganizationScoped {}
