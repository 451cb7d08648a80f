package com.onix.twofactor.kernel.twofactor;

import com.onix.twofactor.kernel.audit.OrganizationScoped;
import java.time.Instant;

/** Too many failures: verification refused until {@code until}; {@code lockNumber} counts up. */
public record TwoFactorLocked(String userId, String organizationId, Instant until, int lockNumber)
    implements OrganizationScoped {}
