package com.onix.twofactor.query.view;

import static com.onix.twofactor.query.testing.QueryClient.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.onix.twofactor.kernel.user.EmailAddress;
import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.query.testing.EventFeed;
import com.onix.twofactor.query.testing.Eventually;
import com.onix.twofactor.query.testing.QuerySideIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every view can be rebuilt from the events: replaying the whole store (everything the test run
 * appended; this class runs last) into views that already hold it changes nothing, document for
 * document.
 */
@Order(Integer.MAX_VALUE)
class ProjectionReplayTest extends QuerySideIntegrationTest {

  private static final String PROCESSOR = "projections";
  private static final Duration CATCH_UP = Duration.ofSeconds(30);

  @Autowired private EventProcessingConfiguration processing;
  @Autowired private ViewStore views;
  @Autowired private MongoDatabase database;

  /** An organization that went through every kind of event the query side projects. */
  private record Fixture(String org, NewUser ann, NewUser bob) {}

  private Fixture everyKindOfEvent() {
    String org = newOrganization();
    NewUser ann = newUser(org, SignInMethod.PASSWORD);
    NewUser bob = newUser(org, SignInMethod.ENTRA_ID);
    feed.policyEnabled(org);
    feed.signInMethodChanged(org, ann.userId(), SignInMethod.PASSWORD, SignInMethod.ENTRA_ID);
    feed.signInMethodChanged(org, bob.userId(), SignInMethod.ENTRA_ID, SignInMethod.PASSWORD);
    EventFeed.Appended last = feed.policyDisabled(org);
    awaitAudit(org, last.version());
    awaitCaughtUp(projections());
    return new Fixture(org, ann, bob);
  }

  @Test
  void replayingEverythingLeavesEveryViewUnchanged() {
    everyKindOfEvent();
    Map<String, List<Document>> before = snapshot();
    assertThat(before)
        .containsKeys(
            ViewStore.ORGANIZATIONS,
            ViewStore.USERS,
            ViewStore.USER_EMAILS,
            ViewStore.AUDIT_EVENTS,
            ViewStore.AUDIT_COUNTERS,
            ViewStore.AUDIT_VERSIONS);
    assertThat(before.get(ViewStore.AUDIT_EVENTS)).hasSizeGreaterThanOrEqualTo(7);

    Map<String, List<Document>> after = replayEverything(() -> {});

    assertThat(after).isEqualTo(before);
  }

  @Test
  void replayRebuildsDeletedViewDocumentsAsTheyWere() {
    Fixture fixture = everyKindOfEvent();
    Map<String, List<Document>> before = snapshot();
    String annEmailKey = new EmailAddress(fixture.ann().email()).uniquenessKey();

    Map<String, List<Document>> after =
        replayEverything(
            () -> {
              // Proof that the replay re-delivers the store from its start: these come back.
              deleteById(ViewStore.ORGANIZATIONS, fixture.org());
              deleteById(ViewStore.USERS, fixture.ann().userId());
              deleteById(ViewStore.USER_EMAILS, annEmailKey);
              assertThat(snapshot()).isNotEqualTo(before);
            });

    assertThat(after).isEqualTo(before);
  }

  /**
   * Stops the projections, runs {@code whileStopped}, resets their token to the start of the store,
   * restarts them and waits until the replay is over; returns the views then, without the documents
   * of the one event appended to end the replay.
   */
  private Map<String, List<Document>> replayEverything(Runnable whileStopped) {
    TrackingEventProcessor processor = projections();
    processor.shutDown();
    try {
      whileStopped.run();
      processor.resetTokens();
      assertThat(storedTokenType()).as("token after the reset").contains("ReplayToken");
    } finally {
      processor.start();
    }
    // A replay ends with the first event after the reset position: append one, of an
    // organization of its own, and leave its documents out of the comparison.
    String marker = UUID.randomUUID().toString();
    EventFeed.Appended markerEvent = feed.organizationRegistered(marker, "Replay marker");
    Eventually.await(
        "the replay has run through the whole store and past the marker",
        CATCH_UP,
        () -> !storedTokenType().contains("ReplayToken") && caughtUp(processor));
    awaitAudit(marker, markerEvent.version());
    Map<String, List<Document>> after = snapshot();
    assertThat(removeDocumentsOf(marker, after))
        .as("documents of the marker organization")
        .isEqualTo(4);
    return after;
  }

  /** Removes the documents the marker organization's one event made; returns how many. */
  private static int removeDocumentsOf(String organizationId, Map<String, List<Document>> views) {
    int removed = 0;
    for (List<Document> documents : views.values()) {
      int size = documents.size();
      documents.removeIf(
          document -> {
            String id = String.valueOf(document.get("_id"));
            return id.equals(organizationId) || id.startsWith(organizationId + ":");
          });
      removed += size - documents.size();
    }
    return removed;
  }

  private void deleteById(String collection, String id) {
    assertThat(
            database.getCollection(collection).deleteOne(new Document("_id", id)).getDeletedCount())
        .as("deleted %s from %s", id, collection)
        .isEqualTo(1);
  }

  private void awaitAudit(String org, String version) {
    var reply =
        api.get(
            "/organizations/" + org + "/audit-events?limit=1&minVersion=" + q(version),
            tokens.auditor(org));
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
  }

  private TrackingEventProcessor projections() {
    return processing
        .eventProcessor(PROCESSOR, TrackingEventProcessor.class)
        .orElseThrow(() -> new AssertionError("no tracking processor " + PROCESSOR));
  }

  private static boolean caughtUp(TrackingEventProcessor processor) {
    Map<Integer, EventTrackerStatus> status = processor.processingStatus();
    return !status.isEmpty()
        && status.values().stream()
            .allMatch(s -> s.isCaughtUp() && !s.isReplaying() && !s.isErrorState());
  }

  private void awaitCaughtUp(TrackingEventProcessor processor) {
    Eventually.await("the projections have caught up", CATCH_UP, () -> caughtUp(processor));
  }

  /** The type of the token the processor has stored for its segment(s). */
  private String storedTokenType() {
    List<String> types = new ArrayList<>();
    database
        .getCollection("trackingtokens")
        .find(new Document("processorName", PROCESSOR))
        .forEach(token -> types.add(String.valueOf(token.get("tokenType"))));
    assertThat(types).as("stored tokens of %s", PROCESSOR).isNotEmpty();
    return String.join(",", types);
  }

  /** Every view collection's documents, by collection, in _id order. */
  private Map<String, List<Document>> snapshot() {
    Map<String, List<Document>> all = new LinkedHashMap<>();
    for (String name : views.viewCollections().stream().sorted().toList()) {
      all.put(
          name,
          database.getCollection(name).find().sort(new Document("_id", 1)).into(new ArrayList<>()));
    }
    return all;
  }
}
