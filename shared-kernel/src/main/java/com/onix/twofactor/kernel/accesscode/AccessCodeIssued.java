package com.onix.twofactor.kernel.accesscode;

import com.onix.twofactor.kernel.audit.OrganizationScoped;
import com.onix.twofactor.kernel.audit.Secret;
import java.time.Instant;

/** Only a keyed hash of the code is recorded; the code itself is never stored. */
public record AccessCodeIssued(
    String userId,
    String organizationId,
    String accessCodeId,
    @Secret String codeHash,
    Instant expiresAt,
    String issuedBy)
    implements OrganizationScoped {}
