package com.onix.twofactor.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.LongSupplier;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.bson.Document;

/**
 * Reads the event log in global order for tracking processors.
 *
 * <p>Writers reserve indexes before they insert, so a reader can meet an index that is reserved but
 * not readable yet: a writer still inserting, one that lost a conflict, or one that died. It stops
 * there rather than deliver what comes after, so every processor sees every event once and in
 * global order. An index still missing after {@code gapTimeout} is sealed with a void; a writer
 * that comes back later finds its index taken and reserves another (see {@link CommitAppender}), so
 * a seal never loses an event, it only makes a slow writer retry.
 */
final class TrackingReader {

  private final MongoCollection<Document> commits;
  private final GlobalSequence sequence;
  private final long gapTimeoutNanos;
  private final LongSupplier nanoTime;
  private final RecentlyRead recentlyRead;

  /** When this reader first saw each index that was reserved but missing. */
  private final ConcurrentSkipListMap<Long, Long> missingSince = new ConcurrentSkipListMap<>();

  /** Indexes this reader ended a batch at: always a commit's last event. */
  private final Set<Long> batchEnds = ConcurrentHashMap.newKeySet();

  TrackingReader(
      EventLog log,
      GlobalSequence sequence,
      Duration gapTimeout,
      LongSupplier nanoTime,
      RecentlyRead recentlyRead) {
    this.commits = log.commits();
    this.recentlyRead = recentlyRead;
    this.sequence = sequence;
    this.gapTimeoutNanos = gapTimeout.toNanos();
    this.nanoTime = nanoTime;
  }

  /** Up to about {@code batchSize} events after global index {@code lastIndex}, in order. */
  List<TrackedDomainEventData<String>> after(long lastIndex, int batchSize) {
    List<TrackedDomainEventData<String>> events = new ArrayList<>();
    long position = lastIndex + 1;
    if (lastIndex >= 0 && !batchEnds.contains(lastIndex)) {
      position = finishCommitHolding(lastIndex, events);
    }
    // The embedded store matches each found document against every value of an $in: windows of
    // more than about 64 keys cost more in matching than another round trip.
    int windowSize = Math.min(Math.max(batchSize, 16), 64);
    while (events.size() < batchSize) {
      long windowEnd = position + windowSize;
      Map<Long, Document> window = byGlobalIndex(position, windowSize);
      Document next = window.get(position);
      while (next != null && events.size() < batchSize) {
        if (!Commits.isVoid(next)) {
          remember(next);
          long index = position;
          for (DomainEventData<String> event : Commits.events(next)) {
            events.add(
                new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(index++), event));
          }
        }
        position += Commits.eventCount(next);
        next = window.get(position);
      }
      if (events.size() >= batchSize) {
        break;
      }
      if (position < windowEnd && !waitedOut(position, window, windowEnd)) {
        break; // the head of the log, or a gap that may still fill
      }
    }
    missingSince.subMap(lastIndex + 1, position).clear(); // only what this read walked past
    if (batchEnds.size() > 1024) {
      batchEnds.clear();
    }
    batchEnds.add(position - 1);
    return events;
  }

  /**
   * A processor may have stopped inside a commit: delivers the rest of that commit, and returns the
   * index after it. Without this, the rest would look like a gap, and a gap inside a commit must
   * never be sealed.
   */
  private long finishCommitHolding(long lastIndex, List<TrackedDomainEventData<String>> events) {
    for (long from = lastIndex; from > lastIndex - CommitAppender.MAX_COMMIT_EVENTS; from -= 16) {
      long start = Math.max(0, from - 15);
      Document holder = null;
      for (Document document : byGlobalIndex(start, (int) (from - start + 1)).values()) {
        if (holder == null || Commits.globalIndex(document) > Commits.globalIndex(holder)) {
          holder = document;
        }
      }
      if (holder != null) {
        long first = Commits.globalIndex(holder);
        long end = first + Commits.eventCount(holder);
        if (end <= lastIndex + 1 || Commits.isVoid(holder)) {
          return lastIndex + 1;
        }
        remember(holder);
        long index = first;
        for (DomainEventData<String> event : Commits.events(holder)) {
          if (index > lastIndex) {
            events.add(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(index), event));
          }
          index++;
        }
        return end;
      }
      if (start == 0) {
        break;
      }
    }
    return lastIndex + 1;
  }

  private void remember(Document commit) {
    for (StoredEvent event : Commits.storedEvents(commit)) {
      recentlyRead.remember(event);
    }
  }

  /**
   * What to do at a missing index: nothing if nobody reserved it (the head), wait if it was
   * reserved recently, seal it if it has been missing longer than the gap timeout.
   *
   * @return whether the reader can go on past {@code position}
   */
  private boolean waitedOut(long position, Map<Long, Document> window, long windowEnd) {
    long reserved = sequence.nextUnreserved();
    if (position >= reserved) {
      return false;
    }
    long now = nanoTime.getAsLong();
    for (long index = position;
        index < Math.min(reserved, windowEnd) && !window.containsKey(index);
        index++) {
      missingSince.putIfAbsent(index, now);
    }
    if (now - missingSince.get(position) < gapTimeoutNanos) {
      return false;
    }
    seal(position);
    return true;
  }

  private void seal(long index) {
    try {
      commits.insertOne(Commits.voidAt(index));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      // the commit arrived, or another reader sealed it first: either way it is readable now
    }
  }

  private Map<Long, Document> byGlobalIndex(long from, int size) {
    List<Long> indexes = new ArrayList<>(size);
    for (long index = from; index < from + size; index++) {
      indexes.add(index);
    }
    Map<Long, Document> found = new HashMap<>();
    for (Document document :
        commits.find(new Document(EventLog.GLOBAL_INDEX, new Document("$in", indexes)))) {
      found.put(Commits.globalIndex(document), document);
    }
    return found;
  }
}
