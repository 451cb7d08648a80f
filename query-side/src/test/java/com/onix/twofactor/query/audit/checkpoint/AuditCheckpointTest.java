package com.onix.twofactor.query.audit.checkpoint;

import static com.onix.twofactor.query.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.onix.twofactor.eventstore.CommitLogStorageEngine;
import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.query.audit.chain.ChainRecord;
import com.onix.twofactor.query.testing.EventFeed;
import com.onix.twofactor.query.testing.Eventually;
import com.onix.twofactor.query.testing.QueryClient;
import com.onix.twofactor.query.testing.QuerySideIntegrationTest;
import com.onix.twofactor.query.testing.TestStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Signed checkpoints of an organization's chain head, and what they catch that the chain alone
 * cannot: someone who rewrites the store and re-chains the history to match, without the key, and a
 * history cut short after a checkpoint.
 */
class AuditCheckpointTest extends QuerySideIntegrationTest {

  private static MongoClient client;
  private static MongoDatabase database;

  @Autowired CommitLogStorageEngine store;

  private String org;
  private String user;
  private final List<EventFeed.Appended> events = new ArrayList<>();
  private final List<Runnable> undo = new ArrayList<>();

  @BeforeAll
  static void connectBehindTheServicesBack() {
    client = MongoClients.create(TestStore.uri());
    database = client.getDatabase(TestStore.database());
  }

  @AfterAll
  static void disconnect() {
    client.close();
  }

  @BeforeEach
  void aProjectedHistoryOfFive() {
    org = UUID.randomUUID().toString();
    user = UUID.randomUUID().toString();
    events.add(feed.organizationRegistered(org, "Checkpointed AG"));
    events.add(
        feed.userRegistered(
            org, user, "cp-" + user + "@example.org", "Carla Point", SignInMethod.PASSWORD));
    events.add(feed.policyEnabled(org));
    events.add(feed.signInMethodChanged(org, user, SignInMethod.PASSWORD, SignInMethod.ENTRA_ID));
    events.add(feed.policyDisabled(org));
    QueryClient.Reply ready =
        api.get(
            "/organizations/"
                + org
                + "/audit-events?minVersion="
                + QueryClient.q(events.get(4).version()),
            tokens.auditor(org));
    assertThat(ready.status()).as("%s", ready).isEqualTo(200);
  }

  @AfterEach
  void putTheStoreBack() {
    for (int i = undo.size() - 1; i >= 0; i--) {
      undo.get(i).run();
    }
  }

  private JsonNode signNow() {
    QueryClient.Reply signed =
        api.send(
            "POST",
            "/organizations/" + org + "/audit-checkpoints",
            "Bearer " + tokens.auditor(org),
            QueryClient.JSON);
    assertThat(signed.status()).as("%s", signed).isEqualTo(201);
    return signed.json();
  }

  private JsonNode integrity(String query) {
    QueryClient.Reply reply =
        api.get("/organizations/" + org + "/audit-integrity" + query, tokens.auditor(org));
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply.json();
  }

  @Test
  void aCheckpointSignsTheChainHeadAsACompactJws() throws Exception {
    JsonNode checkpoint = signNow();

    JsonNode head = integrity("").path("head");
    assertThat(checkpoint.path("position").asLong()).isEqualTo(5);
    assertThat(checkpoint.path("hash").asText()).isEqualTo(head.path("hash").asText());
    JWSObject jws = JWSObject.parse(checkpoint.path("checkpoint").asText());
    assertThat(jws.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
    assertThat(jws.getHeader().getType().getType()).isEqualTo("onix-audit-checkpoint");
    assertThat(jws.getPayload().toJSONObject())
        .containsEntry("organizationId", org)
        .containsEntry("position", 5L)
        .containsEntry("hash", head.path("hash").asText())
        .containsKey("time");
  }

  @Test
  void thePublishedKeySetVerifiesItWithoutAToken() throws Exception {
    JWSObject jws = JWSObject.parse(signNow().path("checkpoint").asText());

    QueryClient.Reply keys = api.get("/audit-checkpoint-keys", null);

    assertThat(keys.status()).as("%s", keys).isEqualTo(200);
    JWKSet set = JWKSet.parse(keys.body());
    RSAKey key = (RSAKey) set.getKeyByKeyId(jws.getHeader().getKeyID());
    assertThat(key).isNotNull();
    assertThat(key.isPrivate()).isFalse();
    assertThat(jws.verify(new RSASSAVerifier(key))).isTrue();
  }

  @Test
  void newHeadsAreSignedOnTheirOwn() {
    Eventually.await(
        "a checkpoint of position 5",
        Duration.ofSeconds(60),
        () -> {
          QueryClient.Reply latest =
              api.get("/organizations/" + org + "/audit-checkpoints/latest", tokens.auditor(org));
          return latest.status() == 200 && latest.json().path("position").asLong() == 5;
        });
  }

  @Test
  void aHistoryRewrittenAndRechainedWithoutTheKeyIsCaught() {
    signNow();
    rewriteAndRechain();

    JsonNode report = integrity("");

    assertThat(report.path("verified").asBoolean()).as("%s", report).isFalse();
    assertThat(report.path("firstMismatch").path("position").asLong()).isEqualTo(5);
    assertThat(report.path("firstMismatch").path("why").asText())
        .contains("rewritten and re-chained");
  }

  @Test
  void theAuditorsOwnCheckpointCatchesItWhenTheStoredOnesAreGone() {
    String kept = signNow().path("checkpoint").asText();
    rewriteAndRechain();
    Document stored = database.getCollection("audit_checkpoint_heads").find(id(org)).first();
    database.getCollection("audit_checkpoint_heads").deleteOne(id(org));
    undo.add(() -> database.getCollection("audit_checkpoint_heads").insertOne(stored));

    assertThat(integrity("").path("verified").asBoolean()).isTrue(); // the chain alone holds
    JsonNode report = integrity("?checkpoint=" + kept);

    assertThat(report.path("verified").asBoolean()).as("%s", report).isFalse();
    assertThat(report.path("firstMismatch").path("why").asText())
        .contains("rewritten and re-chained");
  }

  @Test
  void aHistoryCutShortAfterACheckpointIsCaught() {
    signNow();
    MongoDatabase db = database;
    Document newest = db.getCollection("event_commits").find(id(events.get(4).version())).first();
    Document entry = db.getCollection("view_audit_events").find(id(org + ":5")).first();
    Document counter = db.getCollection("view_audit_counters").find(id(org)).first();
    Document fourth = db.getCollection("view_audit_events").find(id(org + ":4")).first();
    db.getCollection("event_commits").deleteOne(id(newest.get("_id")));
    undo.add(() -> db.getCollection("event_commits").insertOne(newest));
    db.getCollection("view_audit_events").deleteOne(id(org + ":5"));
    undo.add(() -> db.getCollection("view_audit_events").insertOne(entry));
    db.getCollection("view_audit_counters")
        .replaceOne(
            id(org),
            new Document(id(org)).append("last", 4L).append("lastHash", fourth.get("hash")));
    undo.add(() -> db.getCollection("view_audit_counters").replaceOne(id(org), counter));

    JsonNode report = integrity("");

    assertThat(report.path("verified").asBoolean()).as("%s", report).isFalse();
    assertThat(report.path("checkedEvents").asLong()).isEqualTo(4);
    assertThat(report.path("firstMismatch").path("position").asLong()).isEqualTo(5);
    assertThat(report.path("firstMismatch").path("why").asText()).contains("cut short");
  }

  @Test
  void aCheckpointSignedWithAnotherKeyIsRefused() throws Exception {
    RSAKey stranger = new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
    String forged = Checkpoint.sign(org, 5, "0".repeat(64), Instant.now(), stranger).jws();

    assertProblem(
        api.get(
            "/organizations/" + org + "/audit-integrity?checkpoint=" + forged, tokens.auditor(org)),
        400,
        "INVALID_CHECKPOINT");
  }

  @Test
  void anOrganizationsAdminMayNotSignOne() {
    assertProblem(
        api.send(
            "POST",
            "/organizations/" + org + "/audit-checkpoints",
            "Bearer " + tokens.orgAdmin(org),
            QueryClient.JSON),
        403,
        "FORBIDDEN");
  }

  /**
   * What someone who can write to the store but lacks the key can do: edit position 2's stored
   * payload and recompute every hash after it in the audit history, by the public specification.
   */
  private void rewriteAndRechain() {
    MongoDatabase db = database;
    Document commit = db.getCollection("event_commits").find(id(events.get(1).version())).first();
    String payload = commit.getList("events", Document.class).get(0).getString("payload");
    db.getCollection("event_commits")
        .updateOne(
            id(commit.get("_id")),
            new Document(
                "$set",
                new Document("events.0.payload", payload.replace("Carla Point", "Mallory"))));
    undo.add(() -> db.getCollection("event_commits").replaceOne(id(commit.get("_id")), commit));
    String previous =
        db.getCollection("view_audit_events").find(id(org + ":1")).first().getString("hash");
    for (int position = 2; position <= 5; position++) {
      Document entry = db.getCollection("view_audit_events").find(id(org + ":" + position)).first();
      EventFeed.Appended event = events.get(position - 1);
      var stored = store.storedEvent(event.aggregateId(), event.sequence()).orElseThrow();
      String hash = ChainRecord.of(org, position, previous, stored).hash();
      db.getCollection("view_audit_events")
          .updateOne(
              id(entry.get("_id")),
              new Document(
                  "$set",
                  new Document("previousHash", previous)
                      .append("hash", hash)
                      .append(
                          "stored.payloadSha256",
                          ChainRecord.of(org, position, previous, stored).payloadSha256())));
      undo.add(() -> db.getCollection("view_audit_events").replaceOne(id(entry.get("_id")), entry));
      previous = hash;
    }
    Document counter = db.getCollection("view_audit_counters").find(id(org)).first();
    String head = previous;
    db.getCollection("view_audit_counters")
        .updateOne(id(org), new Document("$set", new Document("lastHash", head)));
    undo.add(() -> db.getCollection("view_audit_counters").replaceOne(id(org), counter));
  }

  private static Document id(Object value) {
    return new Document("_id", value);
  }
}
