package com.onix.twofactor.kernel.user;

import com.onix.twofactor.kernel.audit.OrganizationScoped;

public record UserRegistered(
    String userId,
    String organizationId,
    String email,
    String displayName,
    SignInMethod signInMethod)
    implements OrganizationScoped {}
