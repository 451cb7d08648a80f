package com.onix.twofactor.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.onix.twofactor.kernel.catalogue.EventType;
import com.onix.twofactor.query.testing.QueryClient;
import com.onix.twofactor.query.testing.QuerySideIntegrationTest;
import com.onix.twofactor.query.testing.TestStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.json.JsonReader;
import org.junit.jupiter.api.Test;

/**
 * The store the previous release wrote (event-store's test resource {@code previous-release/},
 * payload types stored as Java class names), projected by today's query side: every event reaches
 * the views and the audit history under the names users knew, and the audit chain over the stored
 * bytes verifies.
 */
class PreviousReleaseStoreTest extends QuerySideIntegrationTest {

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

  @Test
  void itsHistoryIsProjectedWholeUnderTheTypesUsersKnewAndItsChainVerifies() throws IOException {
    List<Document> commits = loadAtTheNextFreePositions();
    List<String> storedTypes = new ArrayList<>();
    for (Document commit : commits) {
      for (Document event : commit.getList("events", Document.class)) {
        storedTypes.add(event.getString("payloadType"));
      }
    }

    QueryClient.Reply reply =
        api.get(
            "/organizations/" + ORG + "/audit-events?limit=100&minVersion=" + USER + ":20",
            tokens.auditor(ORG));
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    List<String> shown =
        StreamSupport.stream(reply.json().path("events").spliterator(), false)
            .map(event -> event.path("type").asText())
            .toList();
    assertThat(shown)
        .containsExactlyElementsOf(
            storedTypes.stream()
                .map(stored -> EventType.ofStored(stored).orElseThrow().historyName())
                .toList());
    assertThat(shown)
        .containsAll(Arrays.stream(EventType.values()).map(EventType::historyName).toList());
    assertThat(shown.get(0)).isEqualTo("OrganizationRegistered");

    JsonNode integrity =
        api.get("/organizations/" + ORG + "/audit-integrity", tokens.auditor(ORG)).json();
    assertThat(integrity.path("verified").asBoolean()).as("%s", integrity).isTrue();
    assertThat(integrity.path("checkedEvents").asLong()).isEqualTo(26);

    JsonNode policy =
        api.get("/organizations/" + ORG + "/two-factor-policy", tokens.auditor(ORG)).json();
    assertThat(policy.path("required").asBoolean()).as("%s", policy).isFalse();
    assertThat(policy.path("emailCodesAllowed").asBoolean()).isFalse();
    assertThat(policy.path("changedAt").asText()).isEqualTo("2026-11-30T09:01:28.382Z");
  }

  /**
   * The fixture's commits as they were stored, except for their global positions: this store is
   * shared with other tests, so they take the next free ones, reserved as a writer does.
   */
  private List<Document> loadAtTheNextFreePositions() throws IOException {
    String json = Files.readString(FIXTURE);
    List<Document> commits =
        new DocumentCodec()
            .decode(new JsonReader("{\"commits\":" + json + "}"), DecoderContext.builder().build())
            .getList("commits", Document.class);
    try (MongoClient client = MongoClients.create(TestStore.uri())) {
      MongoDatabase store = client.getDatabase(TestStore.database());
      Document before =
          store
              .getCollection("event_store")
              .findOneAndUpdate(
                  new Document("_id", "sequence"),
                  Updates.inc("next", eventsIn(commits)),
                  new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
      long first = before == null ? 0 : ((Number) before.get("next")).longValue();
      for (Document commit : commits) {
        commit.put("globalIndex", first + ((Number) commit.get("globalIndex")).longValue());
        commit.put("firstSequenceNumber", ((Number) commit.get("firstSequenceNumber")).longValue());
        commit
            .getList("events", Document.class)
            .forEach(e -> e.put("sequenceNumber", ((Number) e.get("sequenceNumber")).longValue()));
      }
      store.getCollection("event_commits").insertMany(commits);
    }
    return commits;
  }

  private static long eventsIn(List<Document> commits) {
    return commits.stream().mapToLong(c -> c.getList("events", Document.class).size()).sum();
  }
}
