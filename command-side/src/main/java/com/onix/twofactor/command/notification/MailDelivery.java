package com.onix.twofactor.command.notification;

import com.onix.twofactor.command.notification.MailDeliveries.Delivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one mail at most once per delivery id, and records how it went. A mail already recorded as
 * done is never sent again, whatever replays the event. A server that does not accept it is
 * recorded and the mail tried again (see {@link MailNotAcceptedYet}).
 *
 * <p>Between the server accepting a mail and its record being written lies a window: a crash there
 * sends that mail once more after the restart, with the same {@code Message-ID}.
 */
class MailDelivery {

  private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
  private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(60);

  enum Outcome {
    SENT,
    ALREADY_DONE,
    FAILED,
    EXPIRED,
    SKIPPED
  }

  private final MailDeliveries deliveries;
  private final MailComposer composer;
  private final MailTransport transport;
  private final MailMetrics metrics;
  private final Clock clock;

  MailDelivery(
      MailDeliveries deliveries,
      MailComposer composer,
      MailTransport transport,
      MailMetrics metrics,
      Clock clock) {
    this.deliveries = deliveries;
    this.composer = composer;
    this.transport = transport;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** What identifies a mail in the records: never its content. */
  record Target(String deliveryId, NotificationKind kind, String userId, String organizationId) {}

  Integer replyCodeOf(String deliveryId) {
    return deliveries.find(deliveryId).map(Delivery::lastSmtpReply).orElse(null);
  }

  boolean done(String deliveryId) {
    return deliveries.find(deliveryId).map(d -> d.status().done()).orElse(false);
  }

  /**
   * @throws MailNotAcceptedYet when the mail is to be tried again
   */
  Outcome deliver(Target target, Optional<Recipient> recipient, Notification notification) {
    Optional<Delivery> previous = deliveries.find(target.deliveryId());
    if (previous.map(d -> d.status().done()).orElse(false)) {
      return Outcome.ALREADY_DONE;
    }
    int attempts = previous.map(Delivery::attempts).orElse(0);
    Instant now = clock.instant();
    if (notification.deliverBefore() != null && !now.isBefore(notification.deliverBefore())) {
      record(target, DeliveryStatus.EXPIRED, attempts, now, null, previous);
      metrics.expired(target.kind());
      return Outcome.EXPIRED;
    }
    if (recipient.isEmpty()) {
      return skip(target, "UnknownRecipient");
    }
    try {
      transport.send(
          composer.compose(
              transport.session(), target.deliveryId(), recipient.get(), notification, now));
    } catch (Exception e) {
      return failed(target, attempts + 1, now, DeliveryFailure.of(e));
    }
    record(target, DeliveryStatus.SENT, attempts + 1, now, null, Optional.empty());
    metrics.sent(target.kind());
    return Outcome.SENT;
  }

  /** Records a mail that will not be sent, for a reason that is not a failure of the server. */
  Outcome skip(Target target, String reason) {
    deliveries.record(
        new Delivery(
            target.deliveryId(),
            target.kind(),
            target.userId(),
            target.organizationId(),
            DeliveryStatus.SKIPPED,
            0,
            clock.instant(),
            null,
            reason,
            null,
            null));
    return Outcome.SKIPPED;
  }

  private Outcome failed(Target target, int attempts, Instant now, DeliveryFailure failure) {
    metrics.failed(target.kind(), failure.permanent());
    if (failure.permanent()) {
      log.warn(
          "mail {} ({}) refused for good: {} {}",
          target.deliveryId(),
          target.kind(),
          failure.errorClass(),
          failure.smtpReplyCode());
      record(target, DeliveryStatus.FAILED, attempts, now, failure, Optional.empty());
      return Outcome.FAILED;
    }
    log.warn(
        "mail {} ({}) not accepted, attempt {}: {} {}; trying again",
        target.deliveryId(),
        target.kind(),
        attempts,
        failure.errorClass(),
        failure.smtpReplyCode());
    record(target, DeliveryStatus.RETRYING, attempts, now, failure, Optional.empty());
    throw new MailNotAcceptedYet(target.deliveryId(), failure);
  }

  /** The wait the tracking processor makes before the next attempt: 1 s, doubling, at most 60 s. */
  static Duration backoffAfter(int attempts) {
    long seconds = 1L << Math.min(Math.max(attempts - 1, 0), 6);
    return Duration.ofSeconds(Math.min(seconds, LONGEST_BACKOFF.toSeconds()));
  }

  private void record(
      Target target,
      DeliveryStatus status,
      int attempts,
      Instant now,
      DeliveryFailure failure,
      Optional<Delivery> previous) {
    String lastError =
        failure != null ? failure.errorClass() : previous.map(Delivery::lastError).orElse(null);
    Integer lastReply =
        failure != null
            ? failure.smtpReplyCode()
            : previous.map(Delivery::lastSmtpReply).orElse(null);
    deliveries.record(
        new Delivery(
            target.deliveryId(),
            target.kind(),
            target.userId(),
            target.organizationId(),
            status,
            attempts,
            now,
            status == DeliveryStatus.RETRYING ? now.plus(backoffAfter(attempts)) : null,
            lastError,
            lastReply,
            MailComposer.messageIdOf(target.deliveryId())));
  }
}
