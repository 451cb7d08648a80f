package com.onix.twofactor.kernel.user;

public record UserRegistered(
    String userId,
    String organizationId,
    String email,
    String displayName,
    SignInMethod signInMethod) {}
