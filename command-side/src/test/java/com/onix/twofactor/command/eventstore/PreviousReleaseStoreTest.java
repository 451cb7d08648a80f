package com.onix.twofactor.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.onix.twofactor.command.testing.CommandSideIntegrationTest;
import com.onix.twofactor.command.testing.Response;
import com.onix.twofactor.kernel.catalogue.EventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.json.JsonReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The store the previous release wrote (event-store's test resource {@code previous-release/},
 * payload types stored as Java class names): the command side sources its aggregates from it and
 * decides on their whole history.
 */
class PreviousReleaseStoreTest extends CommandSideIntegrationTest {

  private static final Path FIXTURE =
      Path.of(
          "..",
          "event-store",
          "src",
          "test",
          "resources",
          "previous-release",
          "event_commits.json");
  private static final String ORG = "9c3f0a52-6d1e-4b7a-9e55-0f2b1c7d8a01";
  private static final String USER = "4e8b2d71-3a6c-4f09-8b1e-7c5d9a2f6e12";

  @Autowired private MongoDatabase database;

  @Test
  void aUserStoredByThePreviousReleaseIsDecidedOnItsWholeHistory() throws IOException {
    loadAtTheNextFreePositions();

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

  /**
   * As stored, at the next free global positions of this shared store, reserved as a writer does.
   */
  private void loadAtTheNextFreePositions() throws IOException {
    List<Document> commits =
        new DocumentCodec()
            .decode(
                new JsonReader("{\"commits\":" + Files.readString(FIXTURE) + "}"),
                DecoderContext.builder().build())
            .getList("commits", Document.class);
    long events = commits.stream().mapToLong(c -> c.getList("events", Document.class).size()).sum();
    Document counter =
        database
            .getCollection("event_store")
            .findOneAndUpdate(
                new Document("_id", "sequence"),
                Updates.inc("next", events),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
    long first = counter == null ? 0 : ((Number) counter.get("next")).longValue();
    for (Document commit : commits) {
      commit.put("globalIndex", first + ((Number) commit.get("globalIndex")).longValue());
      commit.put("firstSequenceNumber", ((Number) commit.get("firstSequenceNumber")).longValue());
      commit
          .getList("events", Document.class)
          .forEach(e -> e.put("sequenceNumber", ((Number) e.get("sequenceNumber")).longValue()));
    }
    database.getCollection("event_commits").insertMany(commits);
  }
}
