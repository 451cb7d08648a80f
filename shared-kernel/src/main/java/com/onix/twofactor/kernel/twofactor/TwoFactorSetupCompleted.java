package com.onix.twofactor.kernel.twofactor;

import com.onix.twofactor.kernel.audit.OrganizationScoped;

/** The user proved the secret; {@code timeStep} is the confirming code's step, now used up. */
public record TwoFactorSetupCompleted(String userId, String organizationId, long timeStep)
    implements OrganizationScoped {}
