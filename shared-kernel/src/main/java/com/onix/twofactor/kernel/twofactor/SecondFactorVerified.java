package com.onix.twofactor.kernel.twofactor;

import com.onix.twofactor.kernel.audit.OrganizationScoped;

/**
 * A sign-in's second factor was accepted. For TOTP, {@code timeStep} is the accepted code's step
 * (no code of that step or before works again); -1 for other methods.
 */
public record SecondFactorVerified(
    String userId, String organizationId, VerificationMethod method, long timeStep)
    implements OrganizationScoped {}
