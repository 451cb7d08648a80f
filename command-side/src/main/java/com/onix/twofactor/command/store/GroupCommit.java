package com.onix.twofactor.command.store;

import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVStore;

/**
 * Commits and syncs the embedded store's {@link MVStore} on behalf of every caller whose writes are
 * done, grouping concurrent callers into one commit: a caller whose writes were already covered by
 * a commit that started after them returns without one.
 */
public final class GroupCommit implements StoreDurability {

  private final MVStore store;
  private final AtomicLong requested = new AtomicLong();
  private final Object commitLock = new Object();
  private long covered;

  public GroupCommit(MVStore store) {
    this.store = store;
  }

  @Override
  public void awaitDurable() {
    long ticket = requested.incrementAndGet();
    synchronized (commitLock) {
      if (covered >= ticket) {
        return;
      }
      // Every ticket handed out so far belongs to a caller whose writes are already in the store.
      long upTo = requested.get();
      commitAndSync();
      covered = upTo;
    }
  }

  /** For background work (compaction, other clients' writes): commit if anything is pending. */
  public void commitPending() {
    synchronized (commitLock) {
      if (store.hasUnsavedChanges()) {
        commitAndSync();
      }
    }
  }

  /** Rewrites sparse chunks so that the file does not grow by one chunk per commit forever. */
  public void compact() {
    synchronized (commitLock) {
      if (store.getFillRate() < 60) {
        store.compact(80, 16 * 1024 * 1024);
        commitAndSync();
      }
    }
  }

  private void commitAndSync() {
    store.commit();
    store.sync();
  }
}
