package com.onix.twofactor.kernel.accesscode;

import com.onix.twofactor.kernel.audit.OrganizationScoped;

/** The code was used for a sign-in and is spent. */
public record AccessCodeRedeemed(String userId, String organizationId, String accessCodeId)
    implements OrganizationScoped {}
