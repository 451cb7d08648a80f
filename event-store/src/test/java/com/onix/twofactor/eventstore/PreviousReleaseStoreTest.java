package com.onix.twofactor.eventstore;

import static com.onix.twofactor.eventstore.Events.stream;
import static com.onix.twofactor.eventstore.Events.track;
import static org.assertj.core.api.Assertions.assertThat;

import com.onix.twofactor.kernel.catalogue.EventType;
import com.onix.twofactor.kernel.organization.PolicyEnabled;
import com.onix.twofactor.support.testing.PreviousReleaseStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A store written by the previous release ({@link PreviousReleaseStore}: payload types are Java
 * class names) read by today's engine, which names events by their stable names.
 */
class PreviousReleaseStoreTest {

  private static final String ORGANIZATION = PreviousReleaseStore.ORGANIZATION;
  private static final String USER = PreviousReleaseStore.USER;

  private TestStore store;
  private List<Document> written;

  @BeforeEach
  void loadThePreviousReleasesStore() throws IOException {
    store = TestStore.open();
    written = PreviousReleaseStore.commits();
    store.eventLog().ensureIndexes();
    store.database().getCollection(EventLog.COMMITS).insertMany(written);
    store
        .database()
        .getCollection(EventLog.CONTROL)
        .replaceOne(
            new Document("_id", "sequence"),
            new Document("_id", "sequence").append("next", PreviousReleaseStore.EVENTS),
            new com.mongodb.client.model.ReplaceOptions().upsert(true));
    new StoreLayout(store.eventLog()).mark("ready", "written by the previous release");
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private CommitLogStorageEngine engine() {
    return Events.engine(store.eventLog()).build();
  }

  @Test
  void theFixtureHoldsEveryEventTypeUnderItsClassNameOfThen() {
    Set<String> stored =
        written.stream()
            .flatMap(commit -> commit.getList("events", Document.class).stream())
            .map(event -> event.getString("payloadType"))
            .collect(Collectors.toSet());

    assertThat(stored)
        .containsExactlyInAnyOrderElementsOf(
            java.util.Arrays.stream(EventType.values()).map(EventType::classNameBefore).toList());
  }

  @Test
  void trackingReadsEveryStoredEventAsItsContractType() {
    List<TrackedEventMessage<?>> events = track(engine(), null);

    assertThat(events).hasSize(26);
    for (TrackedEventMessage<?> event : events) {
      EventType type = EventType.of(event.getPayload().getClass()).orElseThrow();
      assertThat(event.getPayloadType()).isEqualTo(type.type());
    }
    assertThat(events.stream().map(e -> EventType.of(e.getPayloadType()).orElseThrow()))
        .containsAll(List.of(EventType.values()));
  }

  @Test
  void eachAggregatesHistoryReadsWholeAsContractTypes() {
    CommitLogStorageEngine engine = engine();

    List<DomainEventMessage<?>> organization = stream(engine.readEvents(ORGANIZATION));
    List<DomainEventMessage<?>> user = stream(engine.readEvents(USER));

    assertThat(organization).hasSize(5);
    assertThat(user).hasSize(21);
    for (DomainEventMessage<?> event : concat(organization, user)) {
      EventType type = EventType.of(event.getPayloadType()).orElseThrow();
      assertThat(event.getType()).isEqualTo(type.aggregate().storedName());
    }
  }

  @Test
  void readingChangesNoStoredByteAndTheStoredFormIsWhatTheChainHashes() {
    CommitLogStorageEngine engine = engine();
    track(engine, null);
    stream(engine.readEvents(USER));

    List<StoredEvent> stored = new ArrayList<>();
    for (Document commit : store.database().getCollection(EventLog.COMMITS).find()) {
      stored.addAll(Commits.storedEvents(commit));
    }
    assertThat(stored).hasSize(26);
    assertThat(stored).allMatch(e -> e.payloadType().startsWith("com.onix.twofactor.kernel."));
    assertThat(store.database().getCollection(EventLog.COMMITS).find().into(new ArrayList<>()))
        .containsExactlyInAnyOrderElementsOf(written);
  }

  @Test
  void aNewEventIsStoredUnderItsStableNameBesideTheOldOnes() {
    CommitLogStorageEngine engine = engine();

    engine.appendEvents(
        new GenericDomainEventMessage<>(
            "OrganizationPolicy",
            ORGANIZATION,
            5,
            new PolicyEnabled(ORGANIZATION),
            Map.of("actorId", "admin-1"),
            UUID.randomUUID().toString(),
            Events.T0));

    Document commit =
        store
            .database()
            .getCollection(EventLog.COMMITS)
            .find(new Document("_id", ORGANIZATION + ":5"))
            .first();
    assertThat(commit.getList("events", Document.class).get(0).getString("payloadType"))
        .isEqualTo("twofactor.policy.enabled");
    List<DomainEventMessage<?>> history = stream(engine.readEvents(ORGANIZATION));
    assertThat(history).hasSize(6);
    assertThat(history.get(1).getPayload()).isEqualTo(history.get(5).getPayload());
  }

  private static List<DomainEventMessage<?>> concat(
      List<DomainEventMessage<?>> a, List<DomainEventMessage<?>> b) {
    List<DomainEventMessage<?>> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
