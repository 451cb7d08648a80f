package com.onix.twofactor.eventstore;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Reads one aggregate's commits by key: the commit after one ending at sequence {@code n} is keyed
 * {@code <id>:<n+1>}, so a stream is read by asking for a window of candidate keys at a time, and
 * it ends at the first key that is not there. The cost follows the events read, not the store's
 * size.
 */
final class AggregateStreams {

  /** Keys asked for per query; most streams after a snapshot are shorter than this. */
  static final int WINDOW = 16;

  private final MongoCollection<Document> commits;

  AggregateStreams(EventLog log) {
    this.commits = log.commits();
  }

  /**
   * The commits holding the aggregate's events from {@code firstSequence} on, in order; whole
   * commits, and at least {@code enough} events unless the stream ends first.
   */
  List<Document> commitsFrom(String aggregateId, long firstSequence, int enough) {
    List<Document> found = new ArrayList<>();
    long expected = firstSequence;
    int events = 0;
    while (events < enough) {
      Map<Long, Document> window = window(aggregateId, expected, WINDOW);
      long windowEnd = expected + WINDOW;
      Document commit = window.get(expected);
      if (commit == null && found.isEmpty() && firstSequence > 0) {
        commit = commitCovering(aggregateId, firstSequence);
        if (commit != null) {
          found.add(commit);
          events += (int) (Commits.lastSequence(commit) - firstSequence + 1);
          expected = Commits.lastSequence(commit) + 1;
          continue;
        }
      }
      while (commit != null) {
        found.add(commit);
        events += Commits.eventCount(commit);
        expected = Commits.lastSequence(commit) + 1;
        commit = events < enough ? window.get(expected) : null;
      }
      if (expected < windowEnd) {
        break; // a key inside the window is missing: the stream ends there
      }
    }
    return found;
  }

  /** Whether anything was appended to the aggregate after {@code version}. */
  boolean hasEventsAfter(String aggregateId, long version) {
    return commits
            .find(new Document("_id", Commits.id(aggregateId, version + 1)))
            .projection(new Document("_id", 1))
            .first()
        != null;
  }

  /**
   * A stream is normally read from a commit's start; a read from inside a commit (a position no
   * snapshot or earlier read leaves) finds the commit that holds it, looking back one window.
   */
  private Document commitCovering(String aggregateId, long sequence) {
    long floor = Math.max(0, sequence - CommitAppender.MAX_COMMIT_EVENTS);
    for (long end = sequence; end > floor; end -= WINDOW) {
      long from = Math.max(floor, end - WINDOW);
      Document latest = null;
      for (Document commit : window(aggregateId, from, (int) (end - from)).values()) {
        if (latest == null || Commits.firstSequence(commit) > Commits.firstSequence(latest)) {
          latest = commit;
        }
      }
      if (latest != null) {
        return Commits.lastSequence(latest) >= sequence ? latest : null;
      }
    }
    return null;
  }

  private Map<Long, Document> window(String aggregateId, long from, int size) {
    List<String> keys = new ArrayList<>(size);
    for (long sequence = from; sequence < from + size; sequence++) {
      keys.add(Commits.id(aggregateId, sequence));
    }
    Map<Long, Document> byFirstSequence = new HashMap<>();
    for (Document commit : commits.find(new Document("_id", new Document("$in", keys)))) {
      byFirstSequence.put(Commits.firstSequence(commit), commit);
    }
    return byFirstSequence;
  }
}
