package com.onix.twofactor.kernel.twofactor;

import com.onix.twofactor.kernel.audit.OrganizationScoped;

public record SecondFactorRejected(
    String userId,
    String organizationId,
    VerificationMethod method,
    RejectionReason reason,
    int consecutiveFailures)
    implements OrganizationScoped {}
