package com.onix.twofactor.query.user;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
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
  private final MongoCollection<Document> members;
  private final MongoCollection<Document> memberCounters;
  private final MongoCollection<Document> memberPositions;

  public UserProjection(ViewStore views) {
    this.users = views.collection(ViewStore.USERS);
    this.emails = views.collection(ViewStore.USER_EMAILS);
    this.members = views.collection(ViewStore.MEMBERS);
    this.memberCounters = views.collection(ViewStore.MEMBER_COUNTERS);
    this.memberPositions = views.collection(ViewStore.MEMBER_POSITIONS);
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
    long position =
        stored == null ? enlist(after) : stored.get(UserView.POSITION, Number.class).longValue();
    users.replaceOne(
        new Document("_id", userId),
        after
            .toDocument()
            .append(UserView.POSITION, position)
            .append(Versioned.VERSION, message.getSequenceNumber()),
        new ReplaceOptions().upsert(true));
  }

  /**
   * A new user gets the next position of their organization's list (1, 2, 3, ...), so that a page
   * of it is a key lookup. A replay after a crash finds its position again: the counter moves last.
   */
  private long enlist(UserDocument user) {
    emails.replaceOne(
        new Document("_id", user.emailKey()),
        new Document("_id", user.emailKey()).append("userId", user.userId()),
        new ReplaceOptions().upsert(true));
    // Every write below is repeated on a retry, so a step lost to a crash is made up for.
    Document placed = memberPositions.find(new Document("_id", user.userId())).first();
    long position;
    if (placed != null) {
      position = placed.get(UserView.POSITION, Number.class).longValue();
    } else {
      Document counter = memberCounters.find(new Document("_id", user.organizationId())).first();
      position = counter == null ? 1 : counter.get("last", Number.class).longValue() + 1;
    }
    members.replaceOne(
        new Document("_id", UserView.memberKey(user.organizationId(), position)),
        new Document("userId", user.userId()),
        new ReplaceOptions().upsert(true));
    memberPositions.replaceOne(
        new Document("_id", user.userId()),
        new Document(UserView.POSITION, position),
        new ReplaceOptions().upsert(true));
    memberCounters.updateOne(
        new Document("_id", user.organizationId()),
        new Document("$max", new Document("last", position)),
        new UpdateOptions().upsert(true));
    return position;
  }
}
