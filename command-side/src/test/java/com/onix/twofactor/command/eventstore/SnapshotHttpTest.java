package com.onix.twofactor.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.onix.twofactor.command.testing.Response;
import com.onix.twofactor.command.testing.TwoFactorIntegrationTest;
import org.axonframework.common.caching.Cache;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * A user with a long history is snapshotted, and a load from the snapshot (as another instance, or
 * this one after a restart, makes it) decides exactly as the full history would.
 */
class SnapshotHttpTest extends TwoFactorIntegrationTest {

  @Autowired private MongoDatabase database;

  @Autowired
  @Qualifier("userCache")
  private Cache users;

  @Test
  void aUserLoadedFromItsSnapshotKeepsItsEnrollmentAndItsActiveAccessCode() {
    Enrolled user = enrolledUser();
    String organizationId = user.organizationId();
    String userId = user.userId();
    Response last = null;
    for (int i = 0; i < AggregateConfiguration.SNAPSHOT_AFTER_EVENTS; i++) {
      last = issueAccessCode(organizationId, userId); // each also revokes the one before
      assertThat(last.status()).as("%s", last).isEqualTo(201);
    }
    Document snapshot =
        database.getCollection("event_snapshots").find(new Document("_id", userId)).first();
    assertThat(snapshot).isNotNull();
    assertThat(snapshot.getLong("sequenceNumber")).isGreaterThan(50);

    users.removeAll(); // the next command loads from the store: snapshot, then the events after it
    Response verified = redeem(userId, last.json().path("code").asText());

    assertThat(verified.status()).as("%s", verified).isEqualTo(200);
    assertThat(verifyTotp(userId, user.freshCode()).json().path("verified").asBoolean()).isTrue();
  }
}
