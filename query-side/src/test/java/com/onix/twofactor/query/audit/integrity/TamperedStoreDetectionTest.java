package com.onix.twofactor.query.audit.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.onix.twofactor.query.testing.EventFeed;
import com.onix.twofactor.query.testing.QuerySideIntegrationTest;
import com.onix.twofactor.query.testing.TestStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Someone with write access to the store changes an organization's history behind the service's
 * back, through the MongoDB driver; the integrity check names the first position that no longer
 * holds. Each test puts the store back as it was afterwards, for the tests that replay it.
 */
class TamperedStoreDetectionTest extends QuerySideIntegrationTest {

  private static MongoClient client;
  private static MongoCollection<Document> commits;

  private TamperableHistory history;
  private final List<Runnable> undo = new ArrayList<>();

  @BeforeAll
  static void connectBehindTheServicesBack() {
    client = MongoClients.create(TestStore.uri());
    commits = client.getDatabase(TestStore.database()).getCollection("event_commits");
  }

  @AfterAll
  static void disconnect() {
    client.close();
  }

  @BeforeEach
  void aProjectedHistory() {
    history = new TamperableHistory(feed, api, tokens);
    assertThat(history.integrity().path("verified").asBoolean()).isTrue();
  }

  @AfterEach
  void putTheStoreBack() {
    for (int i = undo.size() - 1; i >= 0; i--) {
      undo.get(i).run();
    }
  }

  private static Document commitOf(EventFeed.Appended event) {
    Document commit = commits.find(new Document("_id", event.version())).first();
    assertThat(commit).as("the commit of %s", event.version()).isNotNull();
    return commit;
  }

  private void editEvent(EventFeed.Appended event, String field, String from, String to) {
    Document original = commitOf(event);
    Document entry = original.getList("events", Document.class).get(0);
    String value = entry.getString(field);
    assertThat(value).contains(from);
    commits.updateOne(
        new Document("_id", original.get("_id")),
        new Document("$set", new Document("events.0." + field, value.replace(from, to))));
    undo.add(() -> commits.replaceOne(new Document("_id", original.get("_id")), original));
  }

  private void delete(EventFeed.Appended event) {
    Document original = commitOf(event);
    commits.deleteOne(new Document("_id", original.get("_id")));
    undo.add(() -> commits.insertOne(original));
  }

  private void assertFirstMismatch(int position, String eventId, String why) {
    JsonNode report = history.integrity();
    assertThat(report.path("verified").asBoolean()).as("%s", report).isFalse();
    JsonNode mismatch = report.path("firstMismatch");
    assertThat(mismatch.path("position").asLong()).as("%s", report).isEqualTo(position);
    assertThat(mismatch.path("eventId").asText()).isEqualTo(eventId);
    assertThat(mismatch.path("why").asText()).contains(why);
    assertThat(report.path("checkedEvents").asLong()).isEqualTo(position - 1);
  }

  @Test
  void anEditedPayloadIsCaughtAtItsPosition() {
    editEvent(history.at(2), "payload", "Tamper Tess", "Tamper Tom");

    assertFirstMismatch(2, history.at(2).eventId(), "changed in the store");
  }

  @Test
  void anEditedActorIsCaughtAtItsPosition() {
    editEvent(history.at(3), "metaData", history.at(3).actorId(), UUID.randomUUID().toString());

    assertFirstMismatch(3, history.at(3).eventId(), "changed in the store");
  }

  @Test
  void anEditedTimestampIsCaughtAtItsPosition() {
    String stored =
        commitOf(history.at(4)).getList("events", Document.class).get(0).getString("timestamp");
    editEvent(history.at(4), "timestamp", stored.substring(0, 4), "1999");

    assertFirstMismatch(4, history.at(4).eventId(), "changed in the store");
  }

  @Test
  void theFirstEventDeletedIsCaughtAtPositionOne() {
    delete(history.at(1));

    assertFirstMismatch(1, history.at(1).eventId(), "deleted, inserted or moved");
  }

  @Test
  void aMiddleEventDeletedIsCaughtAtItsPosition() {
    delete(history.at(3));

    assertFirstMismatch(3, history.at(3).eventId(), "deleted, inserted or moved");
  }

  @Test
  void theNewestEventDeletedIsCaughtAtItsPosition() {
    delete(history.at(5));

    assertFirstMismatch(5, history.at(5).eventId(), "holds no event for this position");
  }

  @Test
  void anInsertedEventIsCaughtWhereItWasSlippedIn() {
    // A slot in the past: another organization's commit, between positions 3 and 4, replaced by a
    // forged event of this organization (a copy of position 4's under a new id and sequence).
    history =
        new TamperableHistory(
            feed,
            api,
            tokens,
            () -> feed.organizationRegistered(UUID.randomUUID().toString(), "X"));
    Document displaced = commitOf(history.between);
    Document forged = new Document(commitOf(history.at(4)));
    String forgedId = UUID.randomUUID().toString();
    Document entry = new Document(forged.getList("events", Document.class).get(0));
    entry.put("eventIdentifier", forgedId);
    entry.put("sequenceNumber", 77L);
    forged.put("_id", history.user + ":77");
    forged.put("firstSequenceNumber", 77L);
    forged.put("globalIndex", displaced.get("globalIndex"));
    forged.put("events", List.of(entry));
    commits.deleteOne(new Document("_id", displaced.get("_id")));
    undo.add(() -> commits.insertOne(displaced));
    commits.insertOne(forged);
    undo.add(() -> commits.deleteOne(new Document("_id", forged.get("_id"))));

    assertFirstMismatch(4, history.at(4).eventId(), "holds event " + forgedId);
  }

  @Test
  void twoEventsSwappedAreCaughtAtTheFirstOfThem() {
    Document second = commitOf(history.at(2));
    Document third = commitOf(history.at(3));
    Object secondIndex = second.get("globalIndex");
    Object thirdIndex = third.get("globalIndex");
    setIndex(second, -42L);
    setIndex(third, secondIndex);
    setIndex(second, thirdIndex);
    undo.add(
        () -> {
          setIndex(second, -42L);
          setIndex(third, thirdIndex);
          setIndex(second, secondIndex);
        });

    assertFirstMismatch(2, history.at(2).eventId(), "deleted, inserted or moved");
  }

  @Test
  void theOperatorsCheckOfEveryOrganizationFindsItAndExitsOne() {
    editEvent(history.at(2), "payload", "Tamper Tess", "Tamper Tom");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = runVerifyAudit(out, err);

    assertThat(status).as("%s%s", out, err).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(history.org + "  MISMATCH    at position 2 (event " + history.at(2).eventId())
        .contains("do not match their audit chain");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("100%");
  }

  @Test
  void theOperatorsCheckPassesOnAnUntouchedStore() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int status = runVerifyAudit(out, new ByteArrayOutputStream());

    assertThat(status).as("%s", out).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(history.org + "  verified    5 events, head " + history.hashAt(5))
        .contains("every audit chain holds");
  }

  private static int runVerifyAudit(ByteArrayOutputStream out, ByteArrayOutputStream err) {
    return VerifyAuditCommand.run(
        new String[] {"verify-audit"},
        Map.of(
            "ONIX_MONGO_URI",
            TestStore.uri(),
            "ONIX_MONGO_DATABASE",
            TestStore.database(),
            "ONIX_DATA_DIR",
            TestStore.dataDirectory().toString()),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static void setIndex(Document commit, Object globalIndex) {
    commits.updateOne(
        new Document("_id", commit.get("_id")),
        new Document("$set", new Document("globalIndex", globalIndex)));
  }
}
