package com.onix.twofactor.command.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Nobody returns from {@code awaitDurable} before a sync covered their writes, callers share
 * commits and syncs, and a commit is written while a sync runs.
 */
class GroupCommitTest {

  /** A store whose writes are numbered: a commit holds those made before it began, a sync those. */
  private static final class CountingStore {
    final AtomicLong writes = new AtomicLong();
    final AtomicLong committedUpTo = new AtomicLong();
    final AtomicLong durableUpTo = new AtomicLong();
    final AtomicInteger commits = new AtomicInteger();
    final AtomicInteger syncs = new AtomicInteger();
    final AtomicBoolean syncing = new AtomicBoolean();
    final AtomicBoolean committedWhileSyncing = new AtomicBoolean();

    void commit() {
      long upTo = writes.get();
      if (syncing.get()) {
        committedWhileSyncing.set(true);
      }
      pause();
      committedUpTo.accumulateAndGet(upTo, Math::max);
      commits.incrementAndGet();
    }

    void sync() {
      long upTo = committedUpTo.get();
      syncing.set(true);
      pause();
      syncing.set(false);
      durableUpTo.accumulateAndGet(upTo, Math::max);
      syncs.incrementAndGet();
    }

    private static void pause() {
      LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(200_000, 2_000_000));
    }
  }

  @Test
  void everyCallerReturnsDurableAndCallersShareCommitsAndSyncs() throws Exception {
    CountingStore store = new CountingStore();
    GroupCommit durability = new GroupCommit(store::commit, store::sync, () -> true);
    int threads = 16;
    int perThread = 60;
    ConcurrentLinkedQueue<String> early = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> callers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread caller =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (int i = 0; i < perThread; i++) {
                  long mine = store.writes.incrementAndGet();
                  durability.awaitDurable();
                  if (store.durableUpTo.get() < mine) {
                    early.add("write " + mine + " acknowledged at " + store.durableUpTo.get());
                  }
                }
              });
      caller.start();
      callers.add(caller);
    }
    start.countDown();
    for (Thread caller : callers) {
      caller.join();
    }

    assertThat(early).isEmpty();
    assertThat(store.syncs.get()).isLessThan(threads * perThread / 2);
    assertThat(store.commits.get()).isLessThan(threads * perThread / 2);
    assertThat(store.committedWhileSyncing).isTrue();
  }

  @Test
  void aCallerCommitsAgainAfterACommitThatBeganBeforeItAsked() {
    CountingStore store = new CountingStore();
    GroupCommit durability = new GroupCommit(store::commit, store::sync, () -> true);
    store.writes.incrementAndGet();

    durability.commitPending();
    int commits = store.commits.get();
    durability.awaitDurable(); // the commit may not have held all its writes: it commits again

    assertThat(store.commits.get()).isEqualTo(commits + 1);
    assertThat(store.durableUpTo.get()).isEqualTo(1);
  }

  @Test
  void nothingPendingMeansNoBackgroundCommit() {
    CountingStore store = new CountingStore();
    GroupCommit durability = new GroupCommit(store::commit, store::sync, () -> false);

    durability.commitPending();

    assertThat(store.commits.get()).isZero();
    assertThat(store.syncs.get()).isZero();
  }
}
