package com.onix.twofactor.command.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.onix.twofactor.command.refusal.CommandRefused;
import com.onix.twofactor.command.testing.InMemoryMongo;
import com.onix.twofactor.support.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The set-based rule behind EMAIL_TAKEN, against a MongoDB-protocol store. */
class EmailClaimsTest {

  private static final String KEY = "ann@example.org";
  private static final Predicate<String> NOBODY_REGISTERED = id -> false;
  private static final Predicate<String> EVERYBODY_REGISTERED = id -> true;

  private static InMemoryMongo mongo;
  private MongoCollection<Document> collection;
  private MovableClock clock;
  private EmailClaims claims;

  @BeforeAll
  static void startStore() {
    mongo = new InMemoryMongo();
  }

  @AfterAll
  static void stopStore() {
    mongo.close();
  }

  @BeforeEach
  void setUp() {
    MongoDatabase database = mongo.database("email-claims-test");
    collection = database.getCollection(EmailClaims.COLLECTION);
    collection.deleteMany(new Document());
    clock = new MovableClock(Instant.parse("2030-01-01T10:00:00Z"));
    claims = new EmailClaims(database, clock);
  }

  private String holderOf(String key) {
    Document claim = collection.find(new Document("_id", key)).first();
    return claim == null ? null : claim.getString("userId");
  }

  @Test
  void aFreeEmailIsClaimedForTheUser() {
    claims.claim(KEY, "user-1", NOBODY_REGISTERED);

    assertThat(holderOf(KEY)).isEqualTo("user-1");
  }

  @Test
  void anEmailHeldByAnotherUserIsTaken() {
    claims.claim(KEY, "user-1", NOBODY_REGISTERED);

    assertThatThrownBy(() -> claims.claim(KEY, "user-2", NOBODY_REGISTERED))
        .isInstanceOfSatisfying(
            CommandRefused.class, refusal -> assertThat(refusal.code()).isEqualTo("EMAIL_TAKEN"));
    assertThat(holderOf(KEY)).isEqualTo("user-1");
  }

  @Test
  void claimingAgainForTheSameUserSucceeds() {
    claims.claim(KEY, "user-1", NOBODY_REGISTERED);

    assertThatCode(() -> claims.claim(KEY, "user-1", NOBODY_REGISTERED)).doesNotThrowAnyException();
    assertThat(holderOf(KEY)).isEqualTo("user-1");
  }

  @Test
  void aReleasedEmailCanBeClaimedByAnotherUser() {
    claims.claim(KEY, "user-1", NOBODY_REGISTERED);

    claims.release(KEY, "user-1");
    claims.claim(KEY, "user-2", NOBODY_REGISTERED);

    assertThat(holderOf(KEY)).isEqualTo("user-2");
  }

  @Test
  void onlyTheHolderCanReleaseAClaim() {
    claims.claim(KEY, "user-1", NOBODY_REGISTERED);

    claims.release(KEY, "user-2");

    assertThat(holderOf(KEY)).isEqualTo("user-1");
  }

  @Test
  void anOldClaimOfAnUnregisteredUserIsTakenOver() {
    claims.claim(KEY, "crashed-user", NOBODY_REGISTERED);
    clock.advance(Duration.ofMinutes(2));

    claims.claim(KEY, "user-2", NOBODY_REGISTERED);

    assertThat(holderOf(KEY)).isEqualTo("user-2");
  }

  @Test
  void anOldClaimOfARegisteredUserStands() {
    claims.claim(KEY, "user-1", NOBODY_REGISTERED);
    clock.advance(Duration.ofHours(2));

    assertThatThrownBy(() -> claims.claim(KEY, "user-2", EVERYBODY_REGISTERED))
        .isInstanceOfSatisfying(
            CommandRefused.class, refusal -> assertThat(refusal.code()).isEqualTo("EMAIL_TAKEN"));
    assertThat(holderOf(KEY)).isEqualTo("user-1");
  }

  @Test
  void aFreshClaimOfAnUnregisteredUserStands() {
    // Its registration may still be under way.
    claims.claim(KEY, "user-1", NOBODY_REGISTERED);
    clock.advance(Duration.ofSeconds(30));

    assertThatThrownBy(() -> claims.claim(KEY, "user-2", NOBODY_REGISTERED))
        .isInstanceOfSatisfying(
            CommandRefused.class, refusal -> assertThat(refusal.code()).isEqualTo("EMAIL_TAKEN"));
  }
}
