package com.onix.twofactor.command.store;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.h2.mvstore.MVStore;

/**
 * Commits and syncs the embedded store's {@link MVStore} on behalf of every caller whose writes are
 * done, grouping concurrent callers: a caller whose writes a commit already covered does not commit
 * again, and one sync covers every commit finished before it started.
 *
 * <p>Writing a commit to the file and syncing the file are two stages with a lock each, so the next
 * group's commit is written while the previous group's sync waits for the disk: a sync makes
 * durable what was written before it began, and a commit written during it is covered by the next.
 */
public final class GroupCommit implements StoreDurability {

  private final MVStore store;
  private final Runnable write;
  private final Runnable sync;
  private final BooleanSupplier unsaved;

  private final AtomicLong requested = new AtomicLong();
  private final Object writeLock = new Object();
  private final Object syncLock = new Object();

  /** Every ticket up to this one had its writes in a commit that is written to the file. */
  private volatile long written;

  /** Every ticket up to this one had its writes in a commit that is synced; under syncLock. */
  private long synced;

  public GroupCommit(MVStore store) {
    this(store, store::commit, store::sync, store::hasUnsavedChanges);
  }

  /** With the two stages given: for tests of the grouping. */
  GroupCommit(Runnable write, Runnable sync, BooleanSupplier unsaved) {
    this(null, write, sync, unsaved);
  }

  private GroupCommit(MVStore store, Runnable write, Runnable sync, BooleanSupplier unsaved) {
    this.store = store;
    this.write = write;
    this.sync = sync;
    this.unsaved = unsaved;
  }

  @Override
  public void awaitDurable() {
    // Taken once the caller's writes are in the store: a commit that starts later covers them.
    long ticket = requested.incrementAndGet();
    synchronized (writeLock) {
      if (written < ticket) {
        writeCommit();
      }
    }
    synchronized (syncLock) {
      if (synced < ticket) {
        syncWritten();
      }
    }
  }

  /** For background work (other clients' writes): commit and sync if anything is pending. */
  public void commitPending() {
    synchronized (writeLock) {
      if (!unsaved.getAsBoolean()) {
        return;
      }
      writeCommit();
    }
    synchronized (syncLock) {
      syncWritten();
    }
  }

  /** Rewrites sparse chunks so that the file does not grow by one chunk per commit forever. */
  public void compact() {
    compactBelowFillRate(60);
  }

  void compactBelowFillRate(int fillRate) {
    synchronized (writeLock) {
      synchronized (syncLock) {
        if (store.getFillRate() < fillRate) {
          store.compact(80, 16 * 1024 * 1024);
          writeCommit();
          syncWritten();
        }
      }
    }
  }

  /**
   * Commits and syncs what is pending, then runs {@code work} while no commit can write to the
   * file: the file holds exactly the committed store meanwhile (reads go on; writers wait).
   */
  public void whilePaused(Runnable work) {
    synchronized (writeLock) {
      synchronized (syncLock) {
        writeCommit();
        syncWritten();
        work.run();
      }
    }
  }

  /** Under writeLock. */
  private void writeCommit() {
    // Every ticket handed out so far belongs to a caller whose writes are already in the store.
    long upTo = requested.get();
    write.run();
    written = upTo;
  }

  /** Under syncLock. */
  private void syncWritten() {
    long upTo = written; // every commit written before the sync starts is made durable by it
    sync.run();
    synced = Math.max(synced, upTo);
  }
}
