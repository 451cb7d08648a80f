package com.onix.twofactor.console.apis;

import java.time.Instant;

/** The organization's two-factor policy, and who changed it last. */
public record Policy(
    boolean required, boolean emailCodesAllowed, Instant changedAt, String changedBy) {}
