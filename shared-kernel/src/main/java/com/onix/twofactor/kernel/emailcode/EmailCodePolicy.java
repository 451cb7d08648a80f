package com.onix.twofactor.kernel.emailcode;

/** "Allow codes by email" after a {@link SetEmailCodePolicy}, and the aggregate version. */
public record EmailCodePolicy(boolean allowed, long version) {}
