package com.onix.twofactor.query.user;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.onix.twofactor.kernel.user.UserRegistered;
import com.onix.twofactor.query.view.Versioned;
import com.onix.twofactor.query.view.ViewStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * One document per user with the state the admin pages and the sign-in page read, plus the
 * email-to-user lookup the sign-in page starts from. Every event of a user advances the document's
 * version, even one that changes nothing shown, so that read-your-writes can wait for any of them.
 */
@Component
@ProcessingGroup("projections")
public class UserProjection {

  static final String AGGREGATE_TYPE = "UserTwoFactor";

  private final MongoCollection<Document> users;
  private final MongoCollection<Document> emails;

  public UserProjection(ViewStore views) {
    this.users = views.collection(ViewStore.USERS);
    this.emails = views.collection(ViewStore.USER_EMAILS);
  }

  @EventHandler
  void on(Object event, DomainEventMessage<?> message) {
    if (!AGGREGATE_TYPE.equals(message.getType())) {
      return;
    }
    String userId = message.getAggregateIdentifier();
    Document stored = users.find(new Document("_id", userId)).first();
    long applied = stored == null ? -1 : stored.get(Versioned.VERSION, Number.class).longValue();
    if (applied >= message.getSequenceNumber()) {
      return; // a replay of what this view has already taken in
    }
    UserDocument before = stored == null ? null : UserDocument.from(stored);
    UserDocument after = UserTimeline.next(before, event, message.getTimestamp());
    if (after == null) {
      return;
    }
    if (event instanceof UserRegistered) {
      emails.replaceOne(
          new Document("_id", after.emailKey()),
          new Document("_id", after.emailKey()).append("userId", userId),
          new ReplaceOptions().upsert(true));
    }
    users.replaceOne(
        new Document("_id", userId),
        after.toDocument().append(Versioned.VERSION, message.getSequenceNumber()),
        new ReplaceOptions().upsert(true));
  }
}
