package com.onix.twofactor.command.user;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.onix.twofactor.command.refusal.CommandRefused;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.Predicate;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The set-based rule "an email belongs to one user across all organizations": a collection keyed by
 * the email's case-insensitive form, so the store's unique {@code _id} decides between concurrent
 * registrations. A claim is taken before {@code UserRegistered} is stored and released if the
 * registration fails; one left behind by a crash in between is taken over once it is old.
 */
@Component
public class EmailClaims {

  static final String COLLECTION = "email_claims";
  private static final Duration ORPHAN_AGE = Duration.ofMinutes(1);

  private final MongoCollection<Document> claims;
  private final Clock clock;

  public EmailClaims(MongoDatabase database, Clock clock) {
    this.claims = database.getCollection(COLLECTION);
    this.clock = clock;
  }

  /**
   * Claims {@code emailKey} for {@code userId}.
   *
   * @param registered tells whether a user id belongs to a registered user
   * @throws CommandRefused {@code EMAIL_TAKEN} if another user holds it
   */
  public void claim(String emailKey, String userId, Predicate<String> registered) {
    Instant now = clock.instant();
    try {
      claims.insertOne(claimDocument(emailKey, userId, now));
      return;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
    }
    Document holder = claims.find(new Document("_id", emailKey)).first();
    if (holder == null) {
      claim(emailKey, userId, registered); // released meanwhile
      return;
    }
    String holderId = holder.getString("userId");
    if (holderId.equals(userId)) {
      return;
    }
    boolean orphaned =
        holder.getDate("claimedAt").toInstant().plus(ORPHAN_AGE).isBefore(now)
            && !registered.test(holderId);
    if (!orphaned
        || claims
                .replaceOne(
                    new Document("_id", emailKey).append("userId", holderId),
                    claimDocument(emailKey, userId, now))
                .getModifiedCount()
            == 0) {
      throw CommandRefused.emailTaken();
    }
  }

  /** Gives the claim up, if {@code userId} still holds it. */
  public void release(String emailKey, String userId) {
    claims.deleteOne(new Document("_id", emailKey).append("userId", userId));
  }

  private static Document claimDocument(String emailKey, String userId, Instant at) {
    return new Document("_id", emailKey)
        .append("userId", userId)
        .append("claimedAt", Date.from(at));
  }
}
