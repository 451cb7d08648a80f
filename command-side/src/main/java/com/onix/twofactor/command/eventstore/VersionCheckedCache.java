package com.onix.twofactor.command.eventstore;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;

/**
 * An aggregate cache that never hands out an aggregate another instance has moved on from: before a
 * cached aggregate is used, one key lookup asks the store whether anything was appended after its
 * version. A command that emits events would be refused at append anyway; this also keeps a command
 * that decides without emitting (a refusal) from deciding on stale state.
 */
final class VersionCheckedCache implements Cache {

  /** Whether the store holds events of an aggregate after a version. */
  interface Appended {
    boolean after(String aggregateIdentifier, long version);
  }

  private final Cache entries = new WeakReferenceCache();
  private final Appended appended;

  VersionCheckedCache(Appended appended) {
    this.appended = appended;
  }

  @Override
  public <K, V> V get(K key) {
    V value = entries.get(key);
    if (value instanceof AggregateCacheEntry<?> entry && !current(key.toString(), entry)) {
      entries.remove(key);
      return null;
    }
    return value;
  }

  private boolean current(String id, AggregateCacheEntry<?> entry) {
    // An entry made in this JVM hands back the aggregate it was made from, whatever is passed.
    Long version;
    try {
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
    return entries.putIfAbsent(key, value);
  }

  @Override
  public boolean remove(Object key) {
    return entries.remove(key);
  }

  @Override
  public void removeAll() {
    entries.removeAll();
  }

  @Override
  public boolean containsKey(Object key) {
    return entries.containsKey(key);
  }

  @Override
  public Registration registerCacheEntryListener(EntryListener listener) {
    return entries.registerCacheEntryListener(listener);
  }
}
