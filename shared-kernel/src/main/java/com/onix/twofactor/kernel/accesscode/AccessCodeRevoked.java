package com.onix.twofactor.kernel.accesscode;

import com.onix.twofactor.kernel.audit.OrganizationScoped;

public record AccessCodeRevoked(
    String userId, String organizationId, String accessCodeId, RevocationReason reason)
    implements OrganizationScoped {}
