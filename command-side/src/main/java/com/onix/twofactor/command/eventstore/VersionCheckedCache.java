package com.onix.twofactor.command.eventstore;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.ConcurrentMap;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;

/**
 * An aggregate cache that keeps the most recently used aggregates (a bounded Caffeine cache, not
 * one the garbage collector empties) and never hands out one another instance has moved on from:
 * before a cached aggregate is used, one key lookup asks the store whether anything was appended
 * after its version. A command that emits events would be refused at append anyway; this also keeps
 * a command that decides without emitting (a refusal) from deciding on stale state.
 */
final class VersionCheckedCache implements Cache {

  /** Whether the store holds events of an aggregate after a version. */
  interface Appended {
    boolean after(String aggregateIdentifier, long version);
  }

  private final ConcurrentMap<Object, Object> entries;
  private final Appended appended;

  VersionCheckedCache(long maximumSize, Appended appended) {
    this.entries = Caffeine.newBuilder().maximumSize(maximumSize).build().asMap();
    this.appended = appended;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, V> V get(K key) {
    Object value = entries.get(key);
    if (value instanceof AggregateCacheEntry<?> entry && !current(key.toString(), entry)) {
      entries.remove(key);
      return null;
    }
    return (V) value;
  }

  private boolean current(String id, AggregateCacheEntry<?> entry) {
    Long version;
    try {
      // An entry made in this JVM hands back the aggregate it was made from, whatever is passed.
      EventSourcedAggregate<?> aggregate =
          entry.recreateAggregate(null, null, NoSnapshotTriggerDefinition.INSTANCE);
      version = aggregate.version();
    } catch (RuntimeException notMadeHere) {
      return false; // the entry came from elsewhere: reload rather than guess its version
    }
    return version != null && !appended.after(id, version);
  }

  @Override
  public void put(Object key, Object value) {
    entries.put(key, value);
  }

  @Override
  public boolean putIfAbsent(Object key, Object value) {
    return entries.putIfAbsent(key, value) == null;
  }

  @Override
  public boolean remove(Object key) {
    return entries.remove(key) != null;
  }

  @Override
  public void removeAll() {
    entries.clear();
  }

  @Override
  public boolean containsKey(Object key) {
    return entries.containsKey(key);
  }

  /** Nothing in this service listens to the aggregate caches. */
  @Override
  public Registration registerCacheEntryListener(EntryListener listener) {
    throw new UnsupportedOperationException("the aggregate caches take no listeners");
  }
}
