package com.onix.twofactor.command.secrets;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where wrapped data keys are kept: files beside the embedded store, or a MongoDB collection. */
public interface WrappedKeys {

  /** Stored durably before it returns. */
  void put(WrappedKey key);

  Optional<WrappedKey> get(String keyId);

  /** Replaces a key's stored form (a rewrap), keeping its id. */
  void replace(WrappedKey key);

  /** Gone from this store before it returns; no error when it was already gone. */
  void delete(String keyId);

  /** Every key stored, for the reconciler and the migration. */
  List<WrappedKey> all();

  /**
   * Destroys what writes interrupted before {@code before} left behind (a crash mid-put): they may
   * hold a wrapped key nothing will ever name.
   */
  default void discardUnfinishedWrites(Instant before) {}
}
