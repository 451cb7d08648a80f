package com.onix.twofactor.kernel.twofactor;

/** Why a lock was lifted before it ran out: the {@code cause} of a {@link TwoFactorUnlocked}. */
public enum UnlockCause {
  /** An admin issued a temporary access code, which clears the failure count and any lock. */
  ACCESS_CODE_ISSUED
}
