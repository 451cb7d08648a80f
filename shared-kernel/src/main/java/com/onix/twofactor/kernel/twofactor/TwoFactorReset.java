package com.onix.twofactor.kernel.twofactor;

import com.onix.twofactor.kernel.audit.OrganizationScoped;

/**
 * An admin reset the user's 2FA: enrollment, lockout and the data key {@code destroyedKeyId} (null
 * when there was none) are gone.
 */
public record TwoFactorReset(
    String userId, String organizationId, String adminId, String reason, String destroyedKeyId)
    implements OrganizationScoped {}
