package com.onix.twofactor.command.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.onix.twofactor.kernel.twofactor.TwoFactorReset;
import com.onix.twofactor.kernel.twofactor.TwoFactorSetupStarted;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys that survived the destroy their event asked for (a crash between the two) are destroyed by
 * the reconciler; the key an enrollment holds, and a key too young to judge, stay.
 */
class DataKeyReconcilerTest {

  @TempDir Path data;

  private final Instant now = Instant.parse("2026-12-08T01:00:00Z");
  private final Instant longAgo = now.minus(Duration.ofHours(1));
  private final EventStore events =
      EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
  private final Map<String, Long> sequences = new HashMap<>();
  private KeyFiles files;
  private WrappedDataKeyStore dataKeys;

  private void given(String userId, Object... payloads) {
    for (Object payload : payloads) {
      long sequence = sequences.merge(userId, 0L, (previous, ignored) -> previous + 1);
      events.publish(new GenericDomainEventMessage<>("UserTwoFactor", userId, sequence, payload));
    }
  }

  private String keyOf(String userId, Instant createdAt) {
    byte[] master = new byte[32];
    new SecureRandom().nextBytes(master);
    WrappedDataKeyStore maker =
        new WrappedDataKeyStore(
            files, new SecretKeySpec(master, "AES"), Clock.fixed(createdAt, ZoneOffset.UTC));
    return maker.create(userId).keyId();
  }

  private DataKeyReconciler reconciler() {
    files = files == null ? new KeyFiles(data.resolve("keys")) : files;
    return new DataKeyReconciler(
        files, dataKeys(), events, Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(5));
  }

  private WrappedDataKeyStore dataKeys() {
    if (dataKeys == null) {
      dataKeys =
          new WrappedDataKeyStore(
              files, new SecretKeySpec(new byte[32], "AES"), Clock.fixed(now, ZoneOffset.UTC));
    }
    return dataKeys;
  }

  @Test
  void aKeyWhoseResetIsStoredButWhoseDestroyNeverRanIsDestroyed() {
    files = new KeyFiles(data.resolve("keys"));
    String key = keyOf("ann", longAgo);
    given(
        "ann",
        new TwoFactorSetupStarted("ann", "org", key, "sealed"),
        new TwoFactorReset("ann", "org", "admin", "lost phone", key));

    assertThat(reconciler().reconcile()).isEqualTo(1);

    assertThat(files.get(key)).isEmpty();
  }

  @Test
  void aKeyWhoseResetIsStoredIsDestroyedHoweverYoungItIs() {
    files = new KeyFiles(data.resolve("keys"));
    String key = keyOf("fay", now.minusSeconds(5));
    given(
        "fay",
        new TwoFactorSetupStarted("fay", "org", key, "sealed"),
        new TwoFactorReset("fay", "org", "admin", "lost phone", key));

    assertThat(reconciler().reconcile()).isEqualTo(1);

    assertThat(files.get(key)).isEmpty();
  }

  @Test
  void aKeyOfASetupThatWasReplacedIsDestroyedAndTheCurrentOneStays() {
    files = new KeyFiles(data.resolve("keys"));
    String replaced = keyOf("ben", longAgo);
    String current = keyOf("ben", longAgo);
    given(
        "ben",
        new TwoFactorSetupStarted("ben", "org", replaced, "sealed-1"),
        new TwoFactorSetupStarted("ben", "org", current, "sealed-2"));

    assertThat(reconciler().reconcile()).isEqualTo(1);

    assertThat(files.get(replaced)).isEmpty();
    assertThat(files.get(current)).isPresent();
  }

  @Test
  void aKeyNoEventEverNamedIsDestroyedOnceItIsOlderThanTheGrace() {
    files = new KeyFiles(data.resolve("keys"));
    String orphan = keyOf("cat", longAgo);
    String inFlight = keyOf("dan", now.minus(DataKeyReconciler.GRACE).plusSeconds(1));

    assertThat(reconciler().reconcile()).isEqualTo(1);

    assertThat(files.get(orphan)).isEmpty();
    assertThat(files.get(inFlight)).as("a command may still store its event").isPresent();
  }

  @Test
  void theKeyOfAnEnrollmentStaysRunAfterRun() {
    files = new KeyFiles(data.resolve("keys"));
    String key = keyOf("eve", longAgo);
    given("eve", new TwoFactorSetupStarted("eve", "org", key, "sealed"));

    assertThat(reconciler().reconcile()).isZero();
    assertThat(reconciler().reconcile()).isZero();

    assertThat(files.get(key)).isPresent();
  }
}
