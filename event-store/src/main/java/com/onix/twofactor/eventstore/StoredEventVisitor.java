package com.onix.twofactor.eventstore;

/**
 * What a walk over the stored log tells: each event in global order, and what it could not read.
 */
public interface StoredEventVisitor {

  void event(StoredEvent event);

  /** A document at {@code globalIndex} that is not a commit this store wrote. */
  void unreadable(long globalIndex, String why);

  /** The walk has passed every index below {@code done}, of {@code end}. */
  default void progress(long done, long end) {}

  /** False ends the walk early: the visitor has learned what it wanted. */
  default boolean wantsMore() {
    return true;
  }
}
