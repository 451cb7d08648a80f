package com.onix.twofactor.eventstore;

import static com.onix.twofactor.eventstore.Events.JSON;
import static com.onix.twofactor.eventstore.Events.identifiers;
import static com.onix.twofactor.eventstore.Events.indexes;
import static com.onix.twofactor.eventstore.Events.stream;
import static com.onix.twofactor.eventstore.Events.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.onix.twofactor.kernel.accesscode.AccessCodeIssued;
import com.onix.twofactor.kernel.accesscode.AccessCodeRedeemed;
import com.onix.twofactor.kernel.accesscode.AccessCodeRevoked;
import com.onix.twofactor.kernel.accesscode.RevocationReason;
import com.onix.twofactor.kernel.audit.AuditMetadata;
import com.onix.twofactor.kernel.audit.OrganizationScoped;
import com.onix.twofactor.kernel.emailcode.EmailCodeSent;
import com.onix.twofactor.kernel.emailcode.EmailCodeUndeliverable;
import com.onix.twofactor.kernel.emailcode.EmailCodesAllowed;
import com.onix.twofactor.kernel.emailcode.EmailCodesDisallowed;
import com.onix.twofactor.kernel.organization.OrganizationRegistered;
import com.onix.twofactor.kernel.organization.PolicyDisabled;
import com.onix.twofactor.kernel.organization.PolicyEnabled;
import com.onix.twofactor.kernel.twofactor.RejectionReason;
import com.onix.twofactor.kernel.twofactor.SecondFactorRejected;
import com.onix.twofactor.kernel.twofactor.SecondFactorVerified;
import com.onix.twofactor.kernel.twofactor.TwoFactorLocked;
import com.onix.twofactor.kernel.twofactor.TwoFactorReset;
import com.onix.twofactor.kernel.twofactor.TwoFactorSetupCompleted;
import com.onix.twofactor.kernel.twofactor.TwoFactorSetupStarted;
import com.onix.twofactor.kernel.twofactor.TwoFactorUnlocked;
import com.onix.twofactor.kernel.twofactor.UnlockCause;
import com.onix.twofactor.kernel.twofactor.VerificationMethod;
import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.kernel.user.SignInMethodChanged;
import com.onix.twofactor.kernel.user.UserRegistered;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A store written by the previous layout (the Axon Mongo extension's engine, as the command side
 * was configured before this module), holding every event type of the shared kernel, migrated at
 * start-up.
 */
class LegacyLayoutMigrationTest {

  private static final Instant T0 = Instant.parse("2026-02-01T08:00:00.000Z");
  private static final String ORGANIZATION = "OrganizationPolicy";
  private static final String USER = "UserTwoFactor";

  private TestStore store;
  private EventLog log;
  private MongoEventStorageEngine legacy;

  /** What was appended to the old store, per aggregate, in sequence order. */
  private final Map<String, List<DomainEventMessage<?>>> written = new LinkedHashMap<>();

  @BeforeEach
  void legacyStore() {
    store = TestStore.open();
    log = store.eventLog();
    legacy =
        MongoEventStorageEngine.builder()
            .mongoTemplate(
                DefaultMongoTemplate.builder()
                    .mongoDatabase(store.newClient(), store.databaseName())
                    .build())
            .eventSerializer(JSON)
            .snapshotSerializer(JSON)
            .build();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private void write(String type, String aggregate, Instant at, Object payload) {
    List<DomainEventMessage<?>> stream = written.computeIfAbsent(aggregate, a -> new ArrayList<>());
    DomainEventMessage<?> event =
        new GenericDomainEventMessage<>(
            type,
            aggregate,
            stream.size(),
            payload,
            Map.of(
                AuditMetadata.ACTOR_ID,
                "admin-7",
                AuditMetadata.ACTOR_ROLES,
                "ORG_ADMIN,AUDITOR",
                AuditMetadata.CORRELATION_ID,
                aggregate + "-" + stream.size(),
                AuditMetadata.REQUEST_TIME,
                at.toString()),
            java.util.UUID.randomUUID().toString(),
            at);
    legacy.appendEvents(event);
    stream.add(event);
  }

  /**
   * Every kernel event type, on two organizations and two users, their events interleaved in time;
   * user-2's events were written by instances whose clocks disagreed, so its first event has the
   * latest timestamp.
   */
  private void everyEventType() {
    Instant lockUntil = T0.plusSeconds(900);
    write(ORGANIZATION, "org-1", T0, new OrganizationRegistered("org-1", "Acme"));
    write(USER, "user-1", T0.plusSeconds(1), registered("user-1", "ann@acme.example"));
    write(ORGANIZATION, "org-1", T0.plusSeconds(2), new PolicyEnabled("org-1"));
    write(
        USER,
        "user-1",
        T0.plusSeconds(3),
        new SignInMethodChanged("user-1", "org-1", SignInMethod.PASSWORD, SignInMethod.ENTRA_ID));
    write(
        USER,
        "user-1",
        T0.plusSeconds(4),
        new SignInMethodChanged("user-1", "org-1", SignInMethod.ENTRA_ID, SignInMethod.PASSWORD));
    write(
        USER,
        "user-1",
        T0.plusSeconds(5),
        new TwoFactorSetupStarted("user-1", "org-1", "key-1", "AES-GCM:bm90LWEtc2VjcmV0"));
    write(USER, "user-1", T0.plusSeconds(6), new TwoFactorSetupCompleted("user-1", "org-1", 5800));
    write(
        USER,
        "user-1",
        T0.plusSeconds(7),
        new SecondFactorVerified("user-1", "org-1", VerificationMethod.TOTP, 5801));
    write(
        USER,
        "user-1",
        T0.plusSeconds(8),
        new SecondFactorRejected(
            "user-1", "org-1", VerificationMethod.TOTP, RejectionReason.REPLAYED_CODE, 1));
    write(USER, "user-1", T0.plusSeconds(9), new TwoFactorLocked("user-1", "org-1", lockUntil, 1));
    write(
        USER,
        "user-1",
        T0.plusSeconds(10),
        new TwoFactorUnlocked("user-1", "org-1", UnlockCause.ACCESS_CODE_ISSUED));
    write(
        USER,
        "user-1",
        T0.plusSeconds(11),
        new AccessCodeIssued(
            "user-1", "org-1", "ac-1", "hmac:3f2a", T0.plusSeconds(3600), "admin-7"));
    write(
        USER,
        "user-1",
        T0.plusSeconds(12),
        new AccessCodeRevoked("user-1", "org-1", "ac-1", RevocationReason.SUPERSEDED));
    write(
        USER,
        "user-1",
        T0.plusSeconds(12),
        new AccessCodeIssued(
            "user-1", "org-1", "ac-2", "hmac:9b1c", T0.plusSeconds(3612), "admin-7"));
    write(USER, "user-1", T0.plusSeconds(13), new AccessCodeRedeemed("user-1", "org-1", "ac-2"));
    write(ORGANIZATION, "org-1", T0.plusSeconds(14), new PolicyDisabled("org-1"));
    write(ORGANIZATION, "org-1", T0.plusSeconds(14), new EmailCodesAllowed("org-1"));
    write(
        USER,
        "user-1",
        T0.plusSeconds(14),
        new EmailCodeSent(
            "user-1",
            "org-1",
            "ec-1",
            "hmac:77d0",
            "key-1",
            "AES-GCM:c2VhbGVk",
            T0.plusSeconds(614)));
    write(
        USER,
        "user-1",
        T0.plusSeconds(14),
        new EmailCodeUndeliverable("user-1", "org-1", "ec-1", 550));
    write(ORGANIZATION, "org-1", T0.plusSeconds(14), new EmailCodesDisallowed("org-1"));
    write(
        USER,
        "user-1",
        T0.plusSeconds(15),
        new TwoFactorReset("user-1", "org-1", "admin-7", "lost phone", "key-1"));
    write(USER, "user-2", T0.plusSeconds(50), registered("user-2", "bo@acme.example"));
    write(
        USER,
        "user-2",
        T0.plusSeconds(20),
        new SecondFactorRejected(
            "user-2", "org-1", VerificationMethod.ACCESS_CODE, RejectionReason.EXPIRED_CODE, 1));
    write(
        USER,
        "user-2",
        T0.plusSeconds(30),
        new SecondFactorVerified("user-2", "org-1", VerificationMethod.ACCESS_CODE, -1));
    write(ORGANIZATION, "org-2", T0.plusSeconds(40), new OrganizationRegistered("org-2", "Bolt"));
  }

  private static UserRegistered registered(String user, String email) {
    return new UserRegistered(user, "org-1", email, "Ann Lee", SignInMethod.PASSWORD);
  }

  /** A longer history, so that the migration writes more than one batch. */
  private void aLongPolicyHistory(int events) {
    List<DomainEventMessage<?>> stream = written.computeIfAbsent("org-3", a -> new ArrayList<>());
    List<DomainEventMessage<?>> batch = new ArrayList<>();
    for (int sequence = 0; sequence < events; sequence++) {
      Object payload =
          sequence == 0
              ? new OrganizationRegistered("org-3", "Crane")
              : sequence % 2 == 1 ? new PolicyEnabled("org-3") : new PolicyDisabled("org-3");
      batch.add(
          new GenericDomainEventMessage<>(
              ORGANIZATION,
              "org-3",
              sequence,
              payload,
              Map.of(AuditMetadata.ACTOR_ID, "admin-9"),
              java.util.UUID.randomUUID().toString(),
              T0.plusMillis(sequence * 37L)));
    }
    legacy.appendEvents(batch);
    stream.addAll(batch);
  }

  private int writtenCount() {
    return written.values().stream().mapToInt(List::size).sum();
  }

  private CommitLogStorageEngine engine() {
    return Events.engine(log).build();
  }

  @Test
  void theOldStoreHoldsEveryEventTypeOfTheSharedKernel() throws Exception {
    everyEventType();

    Set<String> written =
        this.written.values().stream()
            .flatMap(List::stream)
            .map(e -> e.getPayloadType().getName())
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(written).containsAll(kernelEventTypes());
  }

  @Test
  void everyEventIsMigratedOnceWithItsIdentifierPayloadMetadataTimestampAndSequence() {
    everyEventType();

    assertThat(new LegacyLayoutMigration(log).run()).isEqualTo(writtenCount());

    CommitLogStorageEngine engine = engine();
    for (Map.Entry<String, List<DomainEventMessage<?>>> aggregate : written.entrySet()) {
      List<DomainEventMessage<?>> migrated = stream(engine.readEvents(aggregate.getKey()));
      List<DomainEventMessage<?>> original = aggregate.getValue();
      assertThat(migrated).hasSameSizeAs(original);
      for (int i = 0; i < original.size(); i++) {
        DomainEventMessage<?> before = original.get(i);
        DomainEventMessage<?> after = migrated.get(i);
        assertThat(after.getIdentifier()).isEqualTo(before.getIdentifier());
        assertThat(after.getSequenceNumber()).isEqualTo(before.getSequenceNumber());
        assertThat(after.getPayload()).isEqualTo(before.getPayload());
        assertThat(after.getMetaData()).isEqualTo(before.getMetaData());
        assertThat(after.getTimestamp()).isEqualTo(before.getTimestamp());
        assertThat(after.getType()).isEqualTo(before.getType());
        assertThat(after.getAggregateIdentifier()).isEqualTo(before.getAggregateIdentifier());
      }
    }
  }

  @Test
  void theMigratedGlobalOrderHasEveryEventOnceAndEachAggregatesEventsInSequence() {
    everyEventType();
    aLongPolicyHistory(2_500);
    new LegacyLayoutMigration(log).run();

    List<TrackedEventMessage<?>> tracked = track(engine(), null);

    assertThat(indexes(tracked))
        .isEqualTo(java.util.stream.LongStream.range(0, writtenCount()).boxed().toList());
    assertThat(identifiers(tracked))
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(
            identifiers(written.values().stream().flatMap(List::stream).toList()));
    Map<String, Long> next = new HashMap<>();
    for (TrackedEventMessage<?> event : tracked) {
      DomainEventMessage<?> domain = (DomainEventMessage<?>) event;
      long expected = next.getOrDefault(domain.getAggregateIdentifier(), 0L);
      assertThat(domain.getSequenceNumber()).isEqualTo(expected);
      next.put(domain.getAggregateIdentifier(), expected + 1);
    }
  }

  @Test
  void theMigratedGlobalOrderFollowsTimeWhereClocksAgree() {
    everyEventType();
    new LegacyLayoutMigration(log).run();

    List<Instant> timesOfUnskewedEvents =
        track(engine(), null).stream()
            .filter(e -> !((DomainEventMessage<?>) e).getAggregateIdentifier().equals("user-2"))
            .map(TrackedEventMessage::getTimestamp)
            .toList();

    assertThat(timesOfUnskewedEvents).isSortedAccordingTo(Comparator.naturalOrder());
  }

  @Test
  void aMigratedStoreIsReadyAndTakesNewCommitsAfterTheMigratedOnes() {
    everyEventType();
    new LegacyLayoutMigration(log).run();
    CommitLogStorageEngine engine = engine();
    long user1Last = written.get("user-1").size() - 1;

    assertThat(new StoreLayout(log).ready()).isTrue();
    assertThatThrownBy(() -> engine.appendEvents(Events.commit("user-1", user1Last, 1)))
        .isInstanceOf(ConcurrencyException.class);
    List<DomainEventMessage<?>> next = Events.commit("user-1", user1Last + 1, 1);
    engine.appendEvents(next);
    List<TrackedEventMessage<?>> tracked = track(engine, Events.at(writtenCount() - 1));
    assertThat(identifiers(tracked)).isEqualTo(identifiers(next));
    assertThat(Events.index(tracked.get(0))).isGreaterThanOrEqualTo(writtenCount());
    assertThat(engine.lastSequenceNumberFor("user-1")).contains(user1Last + 1);
  }

  @Test
  void runningTheMigrationAgainChangesNothing() {
    everyEventType();
    new LegacyLayoutMigration(log).run();
    List<Document> before = allCommits();

    assertThat(new LegacyLayoutMigration(log).run()).isZero();

    assertThat(allCommits()).isEqualTo(before);
  }

  @Test
  void anInterruptedMigrationRunAgainCompletesWithoutDuplicates() {
    everyEventType();
    aLongPolicyHistory(1_500);
    new LegacyLayoutMigration(log).run();
    List<Document> complete = allCommits();
    // as if it had stopped part way: some commits missing, no marker, no counter
    for (int i = 0; i < complete.size(); i += 3) {
      log.commits().deleteOne(new Document("_id", complete.get(i).get("_id")));
    }
    log.control().deleteMany(new Document());

    assertThat(new LegacyLayoutMigration(log).run()).isEqualTo(writtenCount());

    assertThat(allCommits()).isEqualTo(complete);
    assertThat(new StoreLayout(log).ready()).isTrue();
    assertThat(new GlobalSequence(log).nextUnreserved()).isEqualTo(writtenCount());
  }

  @Test
  void readersSeeNothingOfAnOldStoreBeforeItIsMigrated() {
    everyEventType();
    CommitLogStorageEngine reader = engine();

    assertThat(track(reader, null)).isEmpty();
    new LegacyLayoutMigration(log).run();
    assertThat(track(reader, null)).hasSize(writtenCount());
  }

  @Test
  void aFreshStoreIsSimplyMarkedReady() {
    assertThat(new LegacyLayoutMigration(log).run()).isZero();

    assertThat(new StoreLayout(log).ready()).isTrue();
    assertThat(log.commits().countDocuments()).isZero();
    CommitLogStorageEngine engine = engine();
    engine.appendEvents(Events.commit("acc-1", 0, 2));
    assertThat(indexes(track(engine, null))).containsExactly(0L, 1L);
  }

  private List<Document> allCommits() {
    return log.commits().find().into(new ArrayList<>()).stream()
        .sorted(Comparator.comparingLong(Commits::globalIndex))
        .toList();
  }

  /** Every event record in the shared kernel: the records that name their organization. */
  private static Set<String> kernelEventTypes() throws Exception {
    URI location =
        OrganizationScoped.class.getProtectionDomain().getCodeSource().getLocation().toURI();
    List<String> classNames = new ArrayList<>();
    File root = new File(location);
    if (root.isDirectory()) {
      try (Stream<Path> files = Files.walk(root.toPath())) {
        files
            .filter(f -> f.toString().endsWith(".class"))
            .forEach(f -> classNames.add(className(root.toPath().relativize(f).toString())));
      }
    } else {
      try (JarFile jar = new JarFile(root)) {
        jar.stream()
            .filter(e -> e.getName().endsWith(".class"))
            .forEach(e -> classNames.add(className(e.getName())));
      }
    }
    Set<String> events = new TreeSet<>();
    for (String name : classNames) {
      if (!name.startsWith("com.onix.twofactor.kernel.")) {
        continue;
      }
      Class<?> type = Class.forName(name);
      if (type.isRecord() && OrganizationScoped.class.isAssignableFrom(type)) {
        events.add(name);
      }
    }
    assertThat(events).hasSizeGreaterThanOrEqualTo(15);
    return events;
  }

  private static String className(String path) {
    return path.replace(File.separatorChar, '.').replace('/', '.').replaceAll("\\.class$", "");
  }
}
