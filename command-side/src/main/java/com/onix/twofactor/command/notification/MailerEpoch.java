package com.onix.twofactor.command.notification;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * When mailing started in this store (the first start with the mailer, kept in {@code mail_state}).
 * The mailer reads the whole history to build its directory, but mails only what happened since: an
 * upgrade must not mail every user about years of past changes.
 */
final class MailerEpoch {

  static final String COLLECTION = "mail_state";
  private static final String ID = "epoch";

  private final Instant since;

  MailerEpoch(MongoDatabase database, Instant now) {
    MongoCollection<Document> state = database.getCollection(COLLECTION);
    try {
      state.insertOne(new Document("_id", ID).append("since", Date.from(now)));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
    }
    this.since = state.find(new Document("_id", ID)).first().getDate("since").toInstant();
  }

  boolean mailsFor(Instant occurredAt) {
    return !occurredAt.isBefore(since);
  }
}
