package com.onix.twofactor.eventstore;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Walks the whole log in global order, as it is stored, for whoever checks it: nothing is waited
 * for or sealed, a missing index is simply passed, and a document that does not read as a commit is
 * reported rather than thrown on. Reads are {@code $in} windows over the unique global index.
 */
final class LogScan {

  private static final int WINDOW = 64;

  private final MongoCollection<Document> commits;

  LogScan(EventLog log) {
    this.commits = log.commits();
  }

  void run(long end, StoredEventVisitor visitor) {
    long position = 0;
    while (position < end && visitor.wantsMore()) {
      List<Long> indexes = new ArrayList<>(WINDOW);
      for (long index = position; index < position + WINDOW; index++) {
        indexes.add(index);
      }
      List<Document> window =
          commits
              .find(new Document(EventLog.GLOBAL_INDEX, new Document("$in", indexes)))
              .into(new ArrayList<>());
      window.sort((a, b) -> Long.compare(globalIndexOrMax(a), globalIndexOrMax(b))); // store order
      long next = position + WINDOW;
      for (Document document : window) {
        long index = globalIndexOrMax(document);
        if (Commits.isVoid(document)) {
          continue;
        }
        List<StoredEvent> events;
        try {
          events = Commits.storedEvents(document);
        } catch (RuntimeException unreadable) {
          visitor.unreadable(index, "the document at this index is not a readable commit");
          continue;
        }
        events.forEach(visitor::event);
        next = Math.max(next, index + events.size());
      }
      visitor.progress(Math.min(next, end), end);
      position = next;
    }
  }

  private static long globalIndexOrMax(Document document) {
    Object index = document.get(EventLog.GLOBAL_INDEX);
    return index instanceof Number number ? number.longValue() : Long.MAX_VALUE;
  }
}
