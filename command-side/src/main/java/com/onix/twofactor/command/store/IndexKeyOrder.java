package com.onix.twofactor.command.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded store's index maps: H2's own {@link ObjectDataType}, stored byte for
 * byte as before, in the same order, but compared without serializing both keys every time.
 *
 * <p>An index key ({@link KeyValue}) is not {@code Comparable}, so H2 orders two of them by their
 * Java serializations, and made both anew for every comparison of every lookup: more than half of
 * the store's CPU under load went to that. Here each key object is serialized once, while it lives
 * (the keys of the pages in memory, and the key being looked up), and the same bytes are compared
 * the same way, so index files written before read exactly as they did.
 */
final class IndexKeyOrder extends ObjectDataType {

  private static final long CACHED_KEYS = 1_000_000;

  /** By identity (weak keys): the bytes of exactly this immutable key object. */
  private final Cache<KeyValue, byte[]> serialized =
      Caffeine.newBuilder().weakKeys().maximumSize(CACHED_KEYS).build();

  @Override
  public int compare(Object a, Object b) {
    if (a instanceof KeyValue first && b instanceof KeyValue second) {
      if (first == second) {
        return 0;
      }
      return compareNotNull(bytesOf(first), bytesOf(second));
    }
    return super.compare(a, b);
  }

  private byte[] bytesOf(KeyValue key) {
    return serialized.get(key, ObjectDataType::serialize);
  }
}
