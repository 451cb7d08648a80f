package com.onix.twofactor.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.onix.twofactor.benchmark.BulkEventLoader.History;
import com.onix.twofactor.benchmark.SeededHistories.Actor;
import com.onix.twofactor.benchmark.SeededHistories.Batch;
import com.onix.twofactor.kernel.accesscode.AccessCodeIssued;
import com.onix.twofactor.kernel.accesscode.AccessCodeRedeemed;
import com.onix.twofactor.kernel.audit.AuditMetadata;
import com.onix.twofactor.kernel.twofactor.SecondFactorRejected;
import com.onix.twofactor.kernel.twofactor.SecondFactorVerified;
import com.onix.twofactor.kernel.twofactor.TwoFactorLocked;
import com.onix.twofactor.kernel.twofactor.TwoFactorReset;
import com.onix.twofactor.kernel.twofactor.TwoFactorSetupCompleted;
import com.onix.twofactor.kernel.twofactor.TwoFactorSetupStarted;
import com.onix.twofactor.kernel.twofactor.TwoFactorUnlocked;
import com.onix.twofactor.kernel.twofactor.VerificationMethod;
import com.onix.twofactor.kernel.user.UserRegistered;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class SeededHistoriesTest {

  private static final Actor ADMIN = new Actor("bench-admin-0", "AUDITOR,ORG_ADMIN");
  private static final Actor SIGN_IN = new Actor("bench-sign-in-page", "SIGN_IN_SERVICE");
  private static final int USERS = 400;

  private final Batch batch =
      new SeededHistories(
              List.of(
                  new SeededHistories.Organization(
                      "0f1e2d3c-0000-4000-8000-000000000001", "org-0f1e2d3c.bench.example", ADMIN),
                  new SeededHistories.Organization(
                      "7a6b5c4d-0000-4000-8000-000000000002", "org-7a6b5c4d.bench.example", ADMIN)),
              SIGN_IN,
              "t1",
              new AtomicLong(),
              new SplittableRandom(7))
          .next(USERS);

  private static List<DomainEventMessage<?>> events(History history) {
    List<DomainEventMessage<?>> events = new ArrayList<>();
    history.commits().forEach(events::addAll);
    return events;
  }

  @Test
  void everyHistoryIsAUserTwoFactorStartingWithItsRegistrationNumberedFromZero() {
    assertThat(batch.histories()).hasSize(USERS);
    long total = 0;
    for (History history : batch.histories()) {
      List<DomainEventMessage<?>> events = events(history);
      assertThat(events.get(0).getPayload()).isInstanceOf(UserRegistered.class);
      for (int i = 0; i < events.size(); i++) {
        assertThat(events.get(i).getSequenceNumber()).isEqualTo(i);
        assertThat(events.get(i).getType()).isEqualTo("UserTwoFactor");
        assertThat(events.get(i).getAggregateIdentifier())
            .isEqualTo(((UserRegistered) events.get(0).getPayload()).userId());
      }
      total += events.size();
    }
    assertThat(batch.events()).isEqualTo(total);
    assertThat(total / (double) USERS).isBetween(12.0, 28.0);
  }

  /** The events of one command share its correlation id, and follow one another. */
  private static List<List<DomainEventMessage<?>>> commands(History history) {
    List<List<DomainEventMessage<?>>> commands = new ArrayList<>();
    Object correlation = null;
    for (DomainEventMessage<?> event : events(history)) {
      Object id = event.getMetaData().get(AuditMetadata.CORRELATION_ID);
      if (!id.equals(correlation)) {
        commands.add(new ArrayList<>());
        correlation = id;
      }
      commands.get(commands.size() - 1).add(event);
    }
    return commands;
  }

  @Test
  void eachCommandsEventsCarryTheAuditMetadataOfTheCallerWhoWouldHaveSentIt() {
    Set<Object> correlations = new HashSet<>();
    for (History history : batch.histories()) {
      for (List<DomainEventMessage<?>> command : commands(history)) {
        DomainEventMessage<?> first = command.get(0);
        assertThat(first.getMetaData())
            .containsOnlyKeys(
                AuditMetadata.ACTOR_ID,
                AuditMetadata.ACTOR_ROLES,
                AuditMetadata.CORRELATION_ID,
                AuditMetadata.REQUEST_TIME);
        assertThat(correlations.add(first.getMetaData().get(AuditMetadata.CORRELATION_ID)))
            .isTrue();
        assertThat(first.getMetaData().get(AuditMetadata.REQUEST_TIME))
            .isEqualTo(first.getTimestamp().toString());
        assertThat(command).hasSizeLessThanOrEqualTo(3);
        Actor expected = sentBySignInPage(first.getPayload()) ? SIGN_IN : ADMIN;
        for (DomainEventMessage<?> event : command) {
          assertThat(event.getMetaData()).isEqualTo(first.getMetaData());
          assertThat(event.getTimestamp()).isEqualTo(first.getTimestamp());
          assertThat(event.getMetaData().get(AuditMetadata.ACTOR_ID)).isEqualTo(expected.id());
          assertThat(event.getMetaData().get(AuditMetadata.ACTOR_ROLES))
              .isEqualTo(expected.roles());
        }
      }
    }
  }

  /** Setup, confirmation and sign-ins come from the sign-in page; the rest from the admin. */
  private static boolean sentBySignInPage(Object firstPayload) {
    return firstPayload instanceof TwoFactorSetupStarted
        || firstPayload instanceof TwoFactorSetupCompleted
        || firstPayload instanceof SecondFactorVerified
        || firstPayload instanceof SecondFactorRejected
        || firstPayload instanceof AccessCodeRedeemed;
  }

  @Test
  void noUserEndsWithAnEnrollmentWhoseDataKeyWouldBeNeeded() {
    for (History history : batch.histories()) {
      boolean enrolled = false;
      for (DomainEventMessage<?> event : events(history)) {
        if (event.getPayload() instanceof TwoFactorSetupStarted) {
          enrolled = true;
        } else if (event.getPayload() instanceof TwoFactorReset) {
          enrolled = false;
        }
      }
      assertThat(enrolled).isFalse();
    }
    assertThat(
            batch.histories().stream()
                .flatMap(history -> events(history).stream())
                .filter(
                    event ->
                        event.getPayload() instanceof SecondFactorVerified verified
                            && verified.method() == VerificationMethod.TOTP))
        .isNotEmpty();
  }

  /** As the command side's replay protection and its one step of clock skew either way allow. */
  @Test
  void eachAcceptedTotpStepIsLaterThanTheLastAndWithinAStepOfTheEventsTime() {
    for (History history : batch.histories()) {
      long last = Long.MIN_VALUE;
      for (DomainEventMessage<?> event : events(history)) {
        long step = Math.floorDiv(event.getTimestamp().getEpochSecond(), 30);
        if (event.getPayload() instanceof TwoFactorSetupCompleted completed) {
          assertThat(completed.timeStep()).isBetween(step - 1, step + 1);
          last = Math.max(last, completed.timeStep());
        } else if (event.getPayload() instanceof SecondFactorVerified verified
            && verified.method() == VerificationMethod.TOTP) {
          assertThat(verified.timeStep()).isGreaterThan(last).isBetween(step - 1, step + 1);
          last = verified.timeStep();
        } else if (event.getPayload() instanceof TwoFactorReset) {
          last = Long.MIN_VALUE;
        }
      }
    }
  }

  @Test
  void nothingIsVerifiedOrRejectedWhileTheUserIsLockedAndTheFifthFailureLocks() {
    for (History history : batch.histories()) {
      Instant lockedUntil = null;
      int failures = 0;
      for (DomainEventMessage<?> event : events(history)) {
        Object payload = event.getPayload();
        boolean locked = lockedUntil != null && event.getTimestamp().isBefore(lockedUntil);
        if (payload instanceof SecondFactorVerified || payload instanceof SecondFactorRejected) {
          assertThat(locked).isFalse();
        }
        if (payload instanceof SecondFactorRejected rejected) {
          failures++;
          assertThat(rejected.consecutiveFailures()).isEqualTo(failures);
        } else if (payload instanceof TwoFactorLocked lock) {
          assertThat(failures).isEqualTo(5);
          lockedUntil = lock.until();
          failures = 0;
        } else if (payload instanceof SecondFactorVerified
            || payload instanceof TwoFactorUnlocked
            || payload instanceof TwoFactorReset) {
          lockedUntil = null;
          failures = 0;
        }
      }
    }
  }

  /** In the order the loader stores them: the audit history's time windows rely on it. */
  @Test
  void timestampsFollowTheOrderTheLoaderStoresTheEventsIn() {
    Instant previous = Instant.EPOCH;
    for (History history : batch.histories()) {
      assertThat(history.commits()).hasSize(1); // a whole user in one document
      for (DomainEventMessage<?> event : events(history)) {
        assertThat(event.getTimestamp()).isAfterOrEqualTo(previous);
        previous = event.getTimestamp();
      }
    }
  }

  @Test
  void emailsAreUniqueAndClaimedForTheirUserInLowerCase() {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < USERS; i++) {
      UserRegistered registered =
          (UserRegistered) batch.histories().get(i).commits().get(0).get(0).getPayload();
      Document claim = batch.emailClaims().get(i);
      assertThat(registered.email()).startsWith("seeded-t1-").endsWith(".bench.example");
      assertThat(claim.getString("_id")).isEqualTo(registered.email().toLowerCase(Locale.ROOT));
      assertThat(claim.getString("userId")).isEqualTo(registered.userId());
      assertThat(keys.add(claim.getString("_id"))).isTrue();
    }
  }

  /** Read back as the services read: Spring Boot's mapper with the strict settings they add. */
  @Test
  void theEventsSerializeAsTheServicesDeserializeThem() {
    Serializer written = BulkHistorySeeder.eventSerializer();
    Serializer strict =
        JacksonSerializer.builder()
            .objectMapper(
                JsonMapper.builder()
                    .addModule(new JavaTimeModule())
                    .enable(
                        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                    .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                    .build())
            .build();
    boolean sawAnInstant = false;
    for (History history : batch.histories().subList(0, 50)) {
      for (DomainEventMessage<?> event : events(history)) {
        SerializedObject<String> payload = event.serializePayload(written, String.class);
        Object read =
            strict.deserialize(
                new SimpleSerializedObject<>(payload.getData(), String.class, payload.getType()));
        assertThat(read).isEqualTo(event.getPayload());
        if (event.getPayload() instanceof AccessCodeIssued issued) {
          assertThat(payload.getData()).contains("\"expiresAt\":\"" + issued.expiresAt() + "\"");
          sawAnInstant = true;
        }
        assertThat(event.serializeMetaData(written, String.class).getData())
            .startsWith("{")
            .contains("\"actorId\":");
      }
    }
    assertThat(sawAnInstant).isTrue();
  }
}
