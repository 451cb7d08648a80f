package com.onix.twofactor.kernel.user;

public record SignInMethodChanged(
    String userId, String organizationId, SignInMethod previous, SignInMethod signInMethod) {}
