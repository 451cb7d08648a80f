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
   * Creates the counter at 0 if the store has none, before any writer reserves: two writers that
   * both created it by upsert could both be told 0.
   */
  void ensureCounter() {
    try {
      control.insertOne(new Document("_id", KEY).append(NEXT, 0L));
    } catch (RuntimeException e) {
      if (!CommitAppender.isDuplicateKey(e)) {
        throw e;
      }
    }
  }

  /**
   * Reserves {@code count} consecutive indexes and returns the first. The answer is the counter as
   * it was before the increment: the embedded server builds an "after" answer from the live
   * document once its lock is released, so two concurrent writers could be told the same value; its
   * "before" answer is a copy taken under the lock, and a real MongoDB is atomic either way.
   */
  long reserve(int count) {
    Document before =
        control.findOneAndUpdate(
            new Document("_id", KEY),
            new Document("$inc", new Document(NEXT, (long) count)),
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
    return before == null ? 0 : ((Number) before.get(NEXT)).longValue();
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
