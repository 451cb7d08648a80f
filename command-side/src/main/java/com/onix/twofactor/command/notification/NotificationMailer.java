package com.onix.twofactor.command.notification;

import com.onix.twofactor.command.emailcode.EmailCodeSeal;
import com.onix.twofactor.command.notification.MailDelivery.Outcome;
import com.onix.twofactor.command.notification.MailDelivery.Target;
import com.onix.twofactor.kernel.accesscode.AccessCodeIssued;
import com.onix.twofactor.kernel.audit.AuditMetadata;
import com.onix.twofactor.kernel.emailcode.EmailCodeSent;
import com.onix.twofactor.kernel.emailcode.RecordEmailCodeUndeliverable;
import com.onix.twofactor.kernel.organization.PolicyEnabled;
import com.onix.twofactor.kernel.twofactor.TwoFactorLocked;
import com.onix.twofactor.kernel.twofactor.TwoFactorReset;
import com.onix.twofactor.kernel.twofactor.TwoFactorSetupCompleted;
import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.kernel.user.SignInMethodChanged;
import com.onix.twofactor.kernel.user.UserRegistered;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;

/**
 * The notifications, sent from the events by their own tracking processor ({@code mail}) and never
 * from a command: a command answers whether or not the mail server is up. Each mail is keyed by its
 * event, so a replay or a restart sends nothing twice. Events from before mailing started only
 * build the directory.
 */
@ProcessingGroup(NotificationMailer.PROCESSOR)
class NotificationMailer {

  static final String PROCESSOR = "mail";
  static final String MAILER_ACTOR = "onix-mailer";

  private final MailDirectory directory;
  private final MailDelivery delivery;
  private final MailerEpoch epoch;
  private final EmailCodeSeal seal;
  private final CommandGateway commands;
  private final Clock clock;

  NotificationMailer(
      MailDirectory directory,
      MailDelivery delivery,
      MailerEpoch epoch,
      EmailCodeSeal seal,
      CommandGateway commands,
      Clock clock) {
    this.directory = directory;
    this.delivery = delivery;
    this.epoch = epoch;
    this.seal = seal;
    this.commands = commands;
    this.clock = clock;
  }

  @EventHandler
  void on(UserRegistered event) {
    directory.register(
        event.userId(),
        event.organizationId(),
        event.email(),
        event.displayName(),
        event.signInMethod() == SignInMethod.ENTRA_ID);
  }

  @EventHandler
  void on(SignInMethodChanged event) {
    directory.setExempt(event.userId(), event.signInMethod() == SignInMethod.ENTRA_ID);
  }

  @EventHandler
  void on(TwoFactorSetupCompleted event, EventMessage<?> message) {
    directory.setEnrolled(event.userId(), true);
    notifyUser(
        message,
        event.userId(),
        event.organizationId(),
        NotificationTexts.authenticatorSetUp(
            message.getTimestamp(), actorOf(message, event.userId())));
  }

  @EventHandler
  void on(TwoFactorReset event, EventMessage<?> message) {
    directory.setEnrolled(event.userId(), false);
    notifyUser(
        message,
        event.userId(),
        event.organizationId(),
        NotificationTexts.twoFactorReset(message.getTimestamp(), event.adminId()));
  }

  @EventHandler
  void on(AccessCodeIssued event, EventMessage<?> message) {
    notifyUser(
        message,
        event.userId(),
        event.organizationId(),
        NotificationTexts.accessCodeIssued(
            message.getTimestamp(), event.issuedBy(), event.expiresAt()));
  }

  @EventHandler
  void on(TwoFactorLocked event, EventMessage<?> message) {
    notifyUser(
        message,
        event.userId(),
        event.organizationId(),
        NotificationTexts.verificationLocked(message.getTimestamp(), event.until()));
  }

  /** One mail per user who must now set up 2FA, each keyed by the event and the user. */
  @EventHandler
  void on(PolicyEnabled event, EventMessage<?> message) {
    if (!epoch.mailsFor(message.getTimestamp())) {
      return;
    }
    String admin = actorOf(message, null);
    for (MailDirectory.Entry user : directory.needingSetup(event.organizationId())) {
      Target target =
          new Target(
              message.getIdentifier() + "." + user.userId(),
              NotificationKind.SETUP_REQUIRED,
              user.userId(),
              event.organizationId());
      delivery.deliver(
          target,
          Optional.of(user.recipient()),
          NotificationTexts.setupRequired(message.getTimestamp(), admin));
    }
  }

  /**
   * The code is opened here, just before it is mailed; a mail server's final refusal is recorded on
   * the user, so that the sign-in hears of it.
   */
  @EventHandler
  void on(EmailCodeSent event, EventMessage<?> message) {
    if (!epoch.mailsFor(message.getTimestamp())) {
      return;
    }
    Target target =
        new Target(
            message.getIdentifier(),
            NotificationKind.EMAIL_CODE,
            event.userId(),
            event.organizationId());
    if (delivery.done(target.deliveryId())) {
      return;
    }
    Optional<String> code =
        clock.instant().isBefore(event.expiresAt())
            ? seal.open(event.userId(), event.keyId(), event.emailCodeId(), event.sealedCode())
            : Optional.of("");
    if (code.isEmpty()) {
      delivery.skip(target, "KeyDestroyed");
      return;
    }
    Outcome outcome =
        delivery.deliver(
            target,
            directory.find(event.userId()).map(MailDirectory.Entry::recipient),
            NotificationTexts.emailCode(code.get(), message.getTimestamp(), event.expiresAt()));
    if (outcome == Outcome.FAILED) {
      Integer reply = delivery.replyCodeOf(target.deliveryId());
      commands.sendAndWait(
          GenericCommandMessage.asCommandMessage(
                  new RecordEmailCodeUndeliverable(
                      event.userId(), event.emailCodeId(), reply == null ? 0 : reply))
              .andMetaData(mailerMetaData(message)));
    }
  }

  private void notifyUser(
      EventMessage<?> message, String userId, String organizationId, Notification notification) {
    if (!epoch.mailsFor(message.getTimestamp())) {
      return;
    }
    delivery.deliver(
        new Target(message.getIdentifier(), notification.kind(), userId, organizationId),
        directory.find(userId).map(MailDirectory.Entry::recipient),
        notification);
  }

  /** Who did it, in the words of the mail: "you", the sign-in page, or an id. */
  private static String actorOf(EventMessage<?> message, String userId) {
    Object actor = message.getMetaData().get(AuditMetadata.ACTOR_ID);
    Object roles = message.getMetaData().get(AuditMetadata.ACTOR_ROLES);
    if (actor != null && actor.equals(userId)) {
      return "you";
    }
    if (roles != null && roles.toString().contains("SIGN_IN_SERVICE")) {
      return "you, at sign-in";
    }
    return actor == null ? "unknown" : actor.toString();
  }

  private MetaData mailerMetaData(EventMessage<?> cause) {
    Object correlation = cause.getMetaData().get(AuditMetadata.CORRELATION_ID);
    Instant now = clock.instant();
    return MetaData.from(
        Map.of(
            AuditMetadata.ACTOR_ID,
            MAILER_ACTOR,
            AuditMetadata.ACTOR_ROLES,
            "",
            AuditMetadata.CORRELATION_ID,
            correlation == null ? cause.getIdentifier() : correlation,
            AuditMetadata.REQUEST_TIME,
            now.toString()));
  }
}
