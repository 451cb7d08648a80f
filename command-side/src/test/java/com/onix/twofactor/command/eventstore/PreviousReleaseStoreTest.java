package com.onix.twofactor.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.onix.twofactor.command.testing.CommandSideIntegrationTest;
import com.onix.twofactor.command.testing.Response;
import com.onix.twofactor.kernel.catalogue.EventType;
import com.onix.twofactor.support.testing.PreviousReleaseStore;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The store the previous release wrote ({@link PreviousReleaseStore}, payload types stored as Java
 * class names): the command side sources its aggregates from it and decides on their whole history.
 */
class PreviousReleaseStoreTest extends CommandSideIntegrationTest {

  private static final String ORG = PreviousReleaseStore.ORGANIZATION;
  private static final String USER = PreviousReleaseStore.USER;

  @Autowired private MongoDatabase database;

  @Test
  void aUserStoredByThePreviousReleaseIsDecidedOnItsWholeHistory() {
    PreviousReleaseStore.loadAtTheNextFreePositions(database);

    List<? extends DomainEventMessage<?>> before = storedEvents(USER);
    assertThat(before).hasSize(21);
    assertThat(before).allSatisfy(e -> assertThat(EventType.of(e.getPayloadType())).isPresent());

    // Its last access code was revoked and its lock lifted, in events stored under class names:
    // a new code revokes nothing and unlocks nothing.
    Response issued =
        http.post("/organizations/" + ORG + "/users/" + USER + "/access-codes")
            .token(tokens.orgAdmin(ORG))
            .send();
    assertThat(issued.status()).as("%s", issued).isEqualTo(201);

    List<? extends DomainEventMessage<?>> after = storedEvents(USER);
    assertThat(after).hasSize(22);
    assertThat(after.get(21).getPayloadType()).isEqualTo(EventType.ACCESS_CODE_ISSUED.type());
    Document appended =
        database.getCollection("event_commits").find(new Document("_id", USER + ":21")).first();
    assertThat(appended.getList("events", Document.class))
        .singleElement()
        .satisfies(
            e -> assertThat(e.getString("payloadType")).isEqualTo("twofactor.access-code.issued"));
    assertThat(appended.getString("type")).isEqualTo("UserTwoFactor");
  }
}
