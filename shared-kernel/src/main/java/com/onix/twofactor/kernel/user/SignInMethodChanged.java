package com.onix.twofactor.kernel.user;

import com.onix.twofactor.kernel.audit.OrganizationScoped;

public record SignInMethodChanged(
    String userId, String organizationId, SignInMethod previous, SignInMethod signInMethod)
    implements OrganizationScoped {}
