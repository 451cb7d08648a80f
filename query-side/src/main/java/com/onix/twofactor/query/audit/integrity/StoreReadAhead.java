package com.onix.twofactor.query.audit.integrity;

import com.onix.twofactor.eventstore.CommitLogStorageEngine;
import com.onix.twofactor.eventstore.StoredEvent;
import com.onix.twofactor.eventstore.StoredEventVisitor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The walk of the stored log, read on another thread a few windows ahead of the checks: the store
 * answers from another process, so while one window is checked the next is already on its way,
 * instead of a core waiting on each round trip. The windows reach the visitor in order, on the
 * calling thread.
 */
final class StoreReadAhead {

  private static final int WINDOWS_AHEAD = 4;

  private record Window(List<StoredEvent> events, long done, long end, RuntimeException failure) {}

  private static final Window FINISHED = new Window(List.of(), 0, 0, null);

  private final BlockingQueue<Window> windows = new ArrayBlockingQueue<>(WINDOWS_AHEAD);
  private volatile boolean stopped;

  private StoreReadAhead() {}

  /** Walks the store as {@link CommitLogStorageEngine#scanStoredEvents} would, reading ahead. */
  static void scan(
      CommitLogStorageEngine store, ExecutorService reads, StoredEventVisitor visitor) {
    new StoreReadAhead().run(store, reads, visitor);
  }

  private void run(
      CommitLogStorageEngine store, ExecutorService reads, StoredEventVisitor visitor) {
    if (!visitor.wantsMore()) {
      return;
    }
    reads.execute(() -> read(store));
    try {
      while (true) {
        Window window = windows.take();
        if (window == FINISHED) {
          return;
        }
        if (window.failure() != null) {
          throw window.failure();
        }
        window.events().forEach(visitor::event);
        visitor.progress(window.done(), window.end());
        if (!visitor.wantsMore()) {
          return;
        }
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking the audit chains", interrupted);
    } finally {
      stopped = true;
      windows.clear(); // frees the reader if it waits to hand over a window
    }
  }

  private void read(CommitLogStorageEngine store) {
    try {
      store.scanStoredEvents(
          new StoredEventVisitor() {
            private List<StoredEvent> events = new ArrayList<>();

            @Override
            public void event(StoredEvent event) {
              events.add(event);
            }

            @Override
            public void unreadable(long globalIndex, String why) {
              // Whatever it held is missing from the chains it belonged to, and shows there.
            }

            @Override
            public void progress(long done, long end) {
              hand(new Window(events, done, end, null));
              events = new ArrayList<>();
            }

            @Override
            public boolean wantsMore() {
              return !stopped;
            }
          });
      hand(FINISHED);
    } catch (RuntimeException failure) {
      hand(new Window(List.of(), 0, 0, failure));
    }
  }

  private void hand(Window window) {
    try {
      while (!stopped && !windows.offer(window, 100, TimeUnit.MILLISECONDS)) {
        // the checks are still busy with the windows before it
      }
    } catch (InterruptedException interrupted) {
      stopped = true;
    }
  }
}
