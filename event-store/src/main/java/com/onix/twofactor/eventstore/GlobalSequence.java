package com.onix.twofactor.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;

/**
 * The store-wide order of events: a counter that writers advance atomically to reserve the indexes
 * of a commit before they insert it. No node's clock is involved. A reserved index whose commit is
 * never inserted (a writer that lost a conflict or died) is a gap that readers wait out or seal;
 * see {@link TrackingReader}.
 */
final class GlobalSequence {

  private static final String KEY = "sequence";
  private static final String NEXT = "next";

  private final MongoCollection<Document> control;

  GlobalSequence(EventLog log) {
    this.control = log.control();
  }

  /**
   * Serializes this JVM's reservations: the embedded server does not apply concurrent {@code
   * findOneAndUpdate}s atomically (a real MongoDB does), and overlapping reservations would put two
   * commits at one position. Instances in other processes on the embedded store are not covered by
   * this; see the README.
   */
  private static final Object RESERVING = new Object();

  /** Reserves {@code count} consecutive indexes and returns the first. */
  long reserve(int count) {
    synchronized (RESERVING) {
      return reserveAtomically(count);
    }
  }

  private long reserveAtomically(int count) {
    Document after =
        control.findOneAndUpdate(
            new Document("_id", KEY),
            new Document("$inc", new Document(NEXT, (long) count)),
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    return ((Number) after.get(NEXT)).longValue() - count;
  }

  /** The first index nobody has reserved yet: every index below it is taken or a gap. */
  long nextUnreserved() {
    Document current = control.find(new Document("_id", KEY)).first();
    return current == null ? 0 : ((Number) current.get(NEXT)).longValue();
  }

  /** Moves the counter to at least {@code next}; used after a migration wrote indexes itself. */
  void advanceTo(long next) {
    control.updateOne(
        new Document("_id", KEY),
        new Document("$max", new Document(NEXT, next)),
        new UpdateOptions().upsert(true));
  }
}
