package com.onix.twofactor.kernel.twofactor;

import com.onix.twofactor.kernel.audit.OrganizationScoped;

/** The failure count and any lock were cleared before the lock ran out, e.g. by an admin. */
public record TwoFactorUnlocked(String userId, String organizationId, UnlockCause cause)
    implements OrganizationScoped {}
