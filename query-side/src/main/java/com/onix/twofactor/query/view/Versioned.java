package com.onix.twofactor.query.view;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Applies an event to a view document at most once: each document remembers the sequence number of
 * the last event of its aggregate it took, and older or equal ones are skipped. That makes a replay
 * after a lost token harmless.
 */
public final class Versioned {

  public static final String VERSION = "version";

  private Versioned() {}

  /** The version the document keyed {@code id} has applied, -1 if there is none. */
  public static long appliedVersion(MongoCollection<Document> views, String id) {
    Document current =
        views.find(new Document("_id", id)).projection(new Document(VERSION, 1)).first();
    return current == null ? -1 : current.get(VERSION, Number.class).longValue();
  }

  /** Sets {@code fields} on the document if {@code sequence} is newer than what it holds. */
  public static void update(
      MongoCollection<Document> views, String id, long sequence, Document fields) {
    if (appliedVersion(views, id) >= sequence) {
      return;
    }
    Bson set = new Document("$set", new Document(fields).append(VERSION, sequence));
    views.updateOne(new Document("_id", id), set, new UpdateOptions().upsert(true));
  }
}
