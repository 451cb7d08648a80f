package com.onix.twofactor.command.secrets;

import com.onix.twofactor.kernel.twofactor.TwoFactorReset;
import com.onix.twofactor.kernel.twofactor.TwoFactorSetupStarted;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A reset or a replaced setup destroys its data key once its event is stored; a crash between the
 * two, or a destroy that failed, would leave the key behind. At start-up and then periodically,
 * every stored key that its user's events named and then left behind is destroyed, at any age. A
 * key no event ever named (its command failed) is destroyed once older than a grace period: a
 * command in flight may have made it and not yet stored its event.
 */
@Component
public class DataKeyReconciler {

  private static final Logger log = LoggerFactory.getLogger(DataKeyReconciler.class);

  static final Duration GRACE = Duration.ofMinutes(10);

  private final WrappedKeys keys;
  private final DataKeyStore dataKeys;
  private final EventStore events;
  private final Clock clock;
  private final Duration every;
  private ScheduledExecutorService schedule;

  public DataKeyReconciler(
      WrappedKeys keys,
      DataKeyStore dataKeys,
      EventStore events,
      Clock clock,
      @Value("${onix.key-reconciliation.every:1m}") Duration every) {
    this.keys = keys;
    this.dataKeys = dataKeys;
    this.events = events;
    this.clock = clock;
    this.every = every;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    reconcileQuietly();
    schedule =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "data-key-reconciler");
              thread.setDaemon(true);
              return thread;
            });
    schedule.scheduleWithFixedDelay(
        this::reconcileQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  @jakarta.annotation.PreDestroy
  void stop() {
    if (schedule != null) {
      schedule.shutdownNow();
    }
  }

  /** How many keys it destroyed. */
  public int reconcile() {
    Instant settled = clock.instant().minus(GRACE);
    keys.discardUnfinishedWrites(settled);
    int destroyed = 0;
    for (WrappedKey key : keys.all()) {
      Standing standing = standingOf(key);
      if (standing == Standing.LEFT_BEHIND
          || (standing == Standing.NEVER_NAMED && key.createdAt().isBefore(settled))) {
        dataKeys.destroy(key.keyId());
        destroyed++;
      }
    }
    if (destroyed > 0) {
      log.info("Destroyed {} data keys that no enrollment names any more", destroyed);
    }
    return destroyed;
  }

  private void reconcileQuietly() {
    try {
      reconcile();
    } catch (RuntimeException e) {
      log.error("Reconciling the data keys failed; trying again in {}", every, e);
    }
  }

  private enum Standing {
    CURRENT,
    LEFT_BEHIND,
    NEVER_NAMED
  }

  /** The user's events folded as the aggregate folds them: do they end holding this key? */
  private Standing standingOf(WrappedKey key) {
    String current = null;
    boolean named = false;
    DomainEventStream stream = events.readEvents(key.userId());
    while (stream.hasNext()) {
      Object payload = stream.next().getPayload();
      if (payload instanceof TwoFactorSetupStarted started) {
        current = started.keyId();
        named |= key.keyId().equals(current);
      } else if (payload instanceof TwoFactorReset) {
        current = null;
      }
    }
    if (key.keyId().equals(current)) {
      return Standing.CURRENT;
    }
    return named ? Standing.LEFT_BEHIND : Standing.NEVER_NAMED;
  }
}
