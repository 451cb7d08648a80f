package com.onix.twofactor.kernel.twofactor;

import com.onix.twofactor.kernel.audit.OrganizationScoped;
import com.onix.twofactor.kernel.audit.Secret;

/**
 * A fresh secret was issued, encrypted under the per-user data key {@code keyId} (AES-256-GCM).
 * Destroying that key (reset) makes {@code encryptedSecret} unreadable for good.
 */
public record TwoFactorSetupStarted(
    String userId, String organizationId, String keyId, @Secret String encryptedSecret)
    implements OrganizationScoped {}
