package com.onix.twofactor.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import org.bson.Document;

/**
 * Which layout a store is in. Readers serve events only once it says "ready", so a query side that
 * starts while the command side migrates an older store waits rather than reading half of it.
 */
final class StoreLayout {

  static final int VERSION = 2;
  private static final Document KEY = new Document("_id", "layout");

  private final MongoCollection<Document> control;
  private volatile boolean ready;

  StoreLayout(EventLog log) {
    this.control = log.control();
  }

  boolean ready() {
    if (!ready) {
      Document marker = control.find(KEY).first();
      ready = marker != null && "ready".equals(marker.getString("state"));
    }
    return ready;
  }

  void mark(String state, String note) {
    control.replaceOne(
        KEY,
        new Document(KEY)
            .append("version", VERSION)
            .append("state", state)
            .append("note", note)
            .append("at", Instant.now().toString()),
        new ReplaceOptions().upsert(true));
  }
}
