package com.onix.twofactor.command.secrets;

import java.time.Instant;

/**
 * A data key as stored: sealed (AES-256-GCM) under the wrapping key of {@code version}. Version 1
 * was sealed under the master key itself, before its uses were separated; version 2 under the key
 * HKDF derives from it for wrapping ({@link MasterKeyDerivation}).
 */
public record WrappedKey(
    String keyId, String userId, int version, byte[] wrapped, Instant createdAt) {

  static final int LEGACY = 1;
  static final int CURRENT = 2;

  @Override
  public String toString() {
    return "WrappedKey[keyId=" + keyId + ", userId=" + userId + ", version=" + version + "]";
  }
}
