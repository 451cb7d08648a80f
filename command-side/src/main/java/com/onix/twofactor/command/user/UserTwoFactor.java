package com.onix.twofactor.command.user;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.onix.twofactor.command.accesscode.AccessCodes;
import com.onix.twofactor.command.emailcode.EmailCodeRefusals;
import com.onix.twofactor.command.emailcode.EmailCodeSeal;
import com.onix.twofactor.command.emailcode.EmailCodeSetting;
import com.onix.twofactor.command.emailcode.EmailCodes;
import com.onix.twofactor.command.refusal.CommandRefused;
import com.onix.twofactor.command.secrets.AccessCodeHasher;
import com.onix.twofactor.command.twofactor.Lockout;
import com.onix.twofactor.command.twofactor.Totp;
import com.onix.twofactor.command.twofactor.TotpSecrets;
import com.onix.twofactor.command.twofactor.TotpSecrets.IssuedSecret;
import com.onix.twofactor.kernel.accesscode.AccessCodeIssued;
import com.onix.twofactor.kernel.accesscode.AccessCodeRedeemed;
import com.onix.twofactor.kernel.accesscode.AccessCodeRevoked;
import com.onix.twofactor.kernel.accesscode.IssueAccessCode;
import com.onix.twofactor.kernel.accesscode.IssuedAccessCode;
import com.onix.twofactor.kernel.accesscode.RevocationReason;
import com.onix.twofactor.kernel.accesscode.RevokeAccessCode;
import com.onix.twofactor.kernel.catalogue.AggregateType;
import com.onix.twofactor.kernel.emailcode.EmailCodeRequestOutcome;
import com.onix.twofactor.kernel.emailcode.EmailCodeSent;
import com.onix.twofactor.kernel.emailcode.EmailCodeUndeliverable;
import com.onix.twofactor.kernel.emailcode.RecordEmailCodeUndeliverable;
import com.onix.twofactor.kernel.emailcode.SendEmailCode;
import com.onix.twofactor.kernel.twofactor.ConfirmTwoFactorSetup;
import com.onix.twofactor.kernel.twofactor.RefusalCode;
import com.onix.twofactor.kernel.twofactor.RejectionReason;
import com.onix.twofactor.kernel.twofactor.ResetTwoFactor;
import com.onix.twofactor.kernel.twofactor.SecondFactorRejected;
import com.onix.twofactor.kernel.twofactor.SecondFactorVerified;
import com.onix.twofactor.kernel.twofactor.SetupSecret;
import com.onix.twofactor.kernel.twofactor.StartTwoFactorSetup;
import com.onix.twofactor.kernel.twofactor.TwoFactorLocked;
import com.onix.twofactor.kernel.twofactor.TwoFactorReset;
import com.onix.twofactor.kernel.twofactor.TwoFactorSetupCompleted;
import com.onix.twofactor.kernel.twofactor.TwoFactorSetupStarted;
import com.onix.twofactor.kernel.twofactor.TwoFactorUnlocked;
import com.onix.twofactor.kernel.twofactor.UnlockCause;
import com.onix.twofactor.kernel.twofactor.VerificationMethod;
import com.onix.twofactor.kernel.twofactor.VerificationOutcome;
import com.onix.twofactor.kernel.twofactor.VerifySecondFactor;
import com.onix.twofactor.kernel.user.ChangeSignInMethod;
import com.onix.twofactor.kernel.user.RegisterUser;
import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.kernel.user.SignInMethodChanged;
import com.onix.twofactor.kernel.user.UserRegistered;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One user's second factor: enrollment of an authenticator app, verification at sign-in with replay
 * protection and lockout, and reset. Created by {@link UserRegistration}, which checks what this
 * aggregate cannot see: that the organization exists and that nobody else has the email.
 */
@Aggregate(
    type = AggregateType.Names.USER_TWO_FACTOR,
    cache = "userCache",
    snapshotTriggerDefinition = "snapshotTrigger")
public class UserTwoFactor {

  private enum Enrollment {
    NONE,
    PENDING,
    ACTIVE
  }

  /** How many spent codes are remembered, to tell "used" or "revoked" from "wrong". */
  private static final int REMEMBERED_CODES = 10;

  private record AccessCode(String id, String hash, Instant expiresAt) {
    boolean validAt(Instant now) {
      return now.isBefore(expiresAt);
    }
  }

  private record SpentCode(String hash, RejectionReason reasonIfTyped) {}

  private record EmailCode(String id, String hash, Instant expiresAt, boolean undeliverable) {
    boolean validAt(Instant now) {
      return now.isBefore(expiresAt);
    }
  }

  @AggregateIdentifier private String userId;
  private String organizationId;
  private String email;
  private SignInMethod signInMethod;
  private Enrollment enrollment = Enrollment.NONE;
  private String keyId;
  private String encryptedSecret;
  private long lastAcceptedStep = Long.MIN_VALUE;
  private int consecutiveFailures;
  private int locks;
  private Instant lockedUntil;
  private AccessCode accessCode;
  private Deque<SpentCode> spentCodes = new ArrayDeque<>();
  private EmailCode emailCode;

  /** When the latest codes by email were sent, newest last, for the hourly limit. */
  private Deque<Instant> emailCodesSentAt = new ArrayDeque<>();

  protected UserTwoFactor() {}

  UserTwoFactor(RegisterUser command) {
    apply(
        new UserRegistered(
            command.userId(),
            command.organizationId(),
            command.email(),
            command.displayName(),
            command.signInMethod()));
  }

  /** Moving a user to Entra ID also revokes their access code: Onix 2FA no longer applies. */
  @CommandHandler
  public long handle(ChangeSignInMethod command, Clock clock) {
    requireMemberOf(command.organizationId());
    if (command.signInMethod() != signInMethod) {
      apply(new SignInMethodChanged(userId, organizationId, signInMethod, command.signInMethod()));
      if (signInMethod == SignInMethod.ENTRA_ID
          && accessCode != null
          && accessCode.validAt(clock.instant())) {
        apply(
            new AccessCodeRevoked(userId, organizationId, accessCode.id(), RevocationReason.ADMIN));
      }
    }
    return AggregateLifecycle.getVersion();
  }

  /** A fresh secret, replacing a pending one (whose key is destroyed with it). */
  @CommandHandler
  public SetupSecret handle(StartTwoFactorSetup command, TotpSecrets secrets) {
    requireTwoFactorApplies();
    if (enrollment == Enrollment.ACTIVE) {
      throw CommandRefused.alreadyEnrolled();
    }
    destroyOnceRecorded(keyId, secrets);
    IssuedSecret issued = secrets.issue(userId);
    apply(
        new TwoFactorSetupStarted(
            userId, organizationId, issued.keyId(), issued.encryptedSecret()));
    return new SetupSecret(issued.base32(), email, AggregateLifecycle.getVersion());
  }

  /** A wrong code changes nothing and does not count toward the lockout. */
  @CommandHandler
  public long handle(ConfirmTwoFactorSetup command, TotpSecrets secrets, Clock clock) {
    requireTwoFactorApplies();
    if (enrollment == Enrollment.ACTIVE) {
      throw CommandRefused.alreadyEnrolled();
    }
    if (enrollment != Enrollment.PENDING) {
      throw CommandRefused.noPendingSetup();
    }
    byte[] secret = secret(secrets).orElseThrow(CommandRefused::noPendingSetup);
    OptionalLong step = Totp.matchingStep(secret, command.code(), clock.instant());
    if (step.isEmpty()) {
      throw CommandRefused.invalidCode();
    }
    apply(new TwoFactorSetupCompleted(userId, organizationId, step.getAsLong()));
    return AggregateLifecycle.getVersion();
  }

  /**
   * Checks a sign-in's code. While locked, the code is not even looked at. A rejection is recorded
   * as an event and returned, not thrown, so that the record stays.
   */
  @CommandHandler
  public VerificationOutcome handle(
      VerifySecondFactor command,
      TotpSecrets secrets,
      AccessCodeHasher hasher,
      EmailCodeSetting emailCodeSetting,
      Clock clock) {
    Instant now = clock.instant();
    VerificationMethod method = command.method();
    if (lockedUntil != null && now.isBefore(lockedUntil)) {
      return VerificationOutcome.locked(method, lockedUntil, AggregateLifecycle.getVersion());
    }
    if (method == VerificationMethod.ACCESS_CODE) {
      return redeem(command.code(), hasher, now);
    }
    if (method == VerificationMethod.EMAIL_CODE) {
      return checkEmailCode(command.code(), hasher, emailCodeSetting, now);
    }
    if (enrollment != Enrollment.ACTIVE || signInMethod == SignInMethod.ENTRA_ID) {
      return reject(method, RejectionReason.NOT_ENROLLED, RefusalCode.NOT_ENROLLED, now);
    }
    Optional<byte[]> secret = secret(secrets);
    if (secret.isEmpty()) {
      return reject(method, RejectionReason.NOT_ENROLLED, RefusalCode.NOT_ENROLLED, now);
    }
    OptionalLong step = Totp.matchingStep(secret.get(), command.code(), now);
    if (step.isEmpty()) {
      return reject(method, RejectionReason.WRONG_CODE, RefusalCode.INVALID_CODE, now);
    }
    if (step.getAsLong() <= lastAcceptedStep) {
      return reject(method, RejectionReason.REPLAYED_CODE, RefusalCode.INVALID_CODE, now);
    }
    apply(new SecondFactorVerified(userId, organizationId, method, step.getAsLong()));
    return VerificationOutcome.verified(method, AggregateLifecycle.getVersion());
  }

  /**
   * Mails a fresh sign-in code, superseding the previous one; for users with an active
   * authenticator, while the organization allows it, at most five an hour. The code goes into the
   * event only as a keyed hash and sealed under the user's data key, for the mailer to open.
   */
  @CommandHandler
  public EmailCodeRequestOutcome handle(
      SendEmailCode command,
      EmailCodeSetting setting,
      EmailCodeSeal seal,
      AccessCodeHasher hasher,
      Clock clock) {
    requireTwoFactorApplies();
    Instant now = clock.instant();
    if (lockedUntil != null && now.isBefore(lockedUntil)) {
      return EmailCodeRequestOutcome.locked(lockedUntil, AggregateLifecycle.getVersion());
    }
    if (enrollment != Enrollment.ACTIVE) {
      throw EmailCodeRefusals.notEnrolled();
    }
    if (!setting.allowedFor(organizationId)) {
      throw EmailCodeRefusals.notAllowed();
    }
    if (emailCodesSentAt.size() >= EmailCodes.SENDS_PER_HOUR) {
      Instant nextAllowed = emailCodesSentAt.peekFirst().plus(EmailCodes.RATE_WINDOW);
      if (now.isBefore(nextAllowed)) {
        return EmailCodeRequestOutcome.tooMany(nextAllowed, AggregateLifecycle.getVersion());
      }
    }
    String code = EmailCodes.generate();
    String emailCodeId = UUID.randomUUID().toString();
    String sealed =
        seal.seal(userId, keyId, emailCodeId, code).orElseThrow(EmailCodeRefusals::notEnrolled);
    Instant expiresAt = now.plus(EmailCodes.LIFETIME).truncatedTo(ChronoUnit.MILLIS);
    apply(
        new EmailCodeSent(
            userId, organizationId, emailCodeId, hasher.hash(code), keyId, sealed, expiresAt));
    return EmailCodeRequestOutcome.sent(emailCodeId, expiresAt, AggregateLifecycle.getVersion());
  }

  /** The mailer reports a final refusal; a verification with that code is then answered so. */
  @CommandHandler
  public long handle(RecordEmailCodeUndeliverable command) {
    apply(
        new EmailCodeUndeliverable(
            userId, organizationId, command.emailCodeId(), command.smtpReplyCode()));
    return AggregateLifecycle.getVersion();
  }

  /**
   * Enrollment gone, access code revoked, lockout cleared, and the secret's key destroyed before
   * anything else.
   */
  @CommandHandler
  public long handle(ResetTwoFactor command, TotpSecrets secrets, Clock clock) {
    requireMemberOf(command.organizationId());
    String destroyed = keyId;
    destroyOnceRecorded(destroyed, secrets);
    if (accessCode != null && accessCode.validAt(clock.instant())) {
      apply(new AccessCodeRevoked(userId, organizationId, accessCode.id(), RevocationReason.RESET));
    }
    apply(
        new TwoFactorReset(userId, organizationId, command.adminId(), command.reason(), destroyed));
    return AggregateLifecycle.getVersion();
  }

  /**
   * A temporary access code for a user who cannot use their authenticator: supersedes the previous
   * one and clears any lockout, so the user can sign in with it at once.
   */
  @CommandHandler
  public IssuedAccessCode handle(IssueAccessCode command, AccessCodeHasher hasher, Clock clock) {
    requireMemberOf(command.organizationId());
    requireTwoFactorApplies();
    if (!AccessCodes.acceptableLifetime(command.lifetime())) {
      throw CommandRefused.invalidLifetime();
    }
    Instant now = clock.instant();
    if (consecutiveFailures > 0 || locks > 0) {
      apply(new TwoFactorUnlocked(userId, organizationId, UnlockCause.ACCESS_CODE_ISSUED));
    }
    if (accessCode != null && accessCode.validAt(now)) {
      apply(
          new AccessCodeRevoked(
              userId, organizationId, accessCode.id(), RevocationReason.SUPERSEDED));
    }
    String code = AccessCodes.generate();
    String accessCodeId = UUID.randomUUID().toString();
    Instant expiresAt = now.plus(command.lifetime()).truncatedTo(ChronoUnit.MILLIS);
    apply(
        new AccessCodeIssued(
            userId, organizationId, accessCodeId, hasher.hash(code), expiresAt, command.adminId()));
    return new IssuedAccessCode(
        accessCodeId, AccessCodes.display(code), expiresAt, AggregateLifecycle.getVersion());
  }

  @CommandHandler
  public long handle(RevokeAccessCode command, Clock clock) {
    requireMemberOf(command.organizationId());
    if (accessCode == null
        || !accessCode.id().equals(command.accessCodeId())
        || !accessCode.validAt(clock.instant())) {
      throw CommandRefused.unknownAccessCode();
    }
    apply(new AccessCodeRevoked(userId, organizationId, accessCode.id(), RevocationReason.ADMIN));
    return AggregateLifecycle.getVersion();
  }

  /**
   * Signs in with the active access code, once. Any other code is rejected with what it is: an
   * expired, revoked or used code of this user, or simply wrong.
   */
  private VerificationOutcome redeem(String typed, AccessCodeHasher hasher, Instant now) {
    VerificationMethod method = VerificationMethod.ACCESS_CODE;
    if (signInMethod == SignInMethod.ENTRA_ID) {
      return reject(
          method, RejectionReason.NO_ACTIVE_ACCESS_CODE, RefusalCode.NO_ACTIVE_ACCESS_CODE, now);
    }
    Optional<String> code = AccessCodes.normalize(typed);
    boolean active = accessCode != null && accessCode.validAt(now);
    if (active && code.isPresent() && hasher.matches(code.get(), accessCode.hash())) {
      apply(new AccessCodeRedeemed(userId, organizationId, accessCode.id()));
      apply(new SecondFactorVerified(userId, organizationId, method, -1));
      return VerificationOutcome.verified(method, AggregateLifecycle.getVersion());
    }
    RejectionReason reason =
        code.flatMap(normal -> knownReason(normal, hasher, now))
            .orElse(active ? RejectionReason.WRONG_CODE : RejectionReason.NO_ACTIVE_ACCESS_CODE);
    return reject(
        method, reason, active ? RefusalCode.INVALID_CODE : RefusalCode.NO_ACTIVE_ACCESS_CODE, now);
  }

  /** Why a code of this user's that no longer works does not: expired, revoked or used. */
  private Optional<RejectionReason> knownReason(String code, AccessCodeHasher hasher, Instant now) {
    if (accessCode != null && !accessCode.validAt(now) && hasher.matches(code, accessCode.hash())) {
      return Optional.of(RejectionReason.EXPIRED_CODE);
    }
    RejectionReason known = null;
    for (SpentCode spent : spentCodes) {
      // Every entry is compared, so the time taken does not tell which one matched.
      if (hasher.matches(code, spent.hash()) && known == null) {
        known = spent.reasonIfTyped();
      }
    }
    return Optional.ofNullable(known);
  }

  /** The current code by email, once; only while the organization still allows them. */
  private VerificationOutcome checkEmailCode(
      String typed, AccessCodeHasher hasher, EmailCodeSetting setting, Instant now) {
    VerificationMethod method = VerificationMethod.EMAIL_CODE;
    if (enrollment != Enrollment.ACTIVE || signInMethod == SignInMethod.ENTRA_ID) {
      return reject(method, RejectionReason.NOT_ENROLLED, RefusalCode.NOT_ENROLLED, now);
    }
    if (emailCode == null || !emailCode.validAt(now) || !setting.allowedFor(organizationId)) {
      return reject(
          method, RejectionReason.NO_ACTIVE_EMAIL_CODE, RefusalCode.NO_ACTIVE_EMAIL_CODE, now);
    }
    if (emailCode.undeliverable()) {
      return reject(
          method, RejectionReason.EMAIL_UNDELIVERABLE, RefusalCode.EMAIL_UNDELIVERABLE, now);
    }
    Optional<String> code = EmailCodes.normalize(typed);
    if (code.isPresent() && hasher.matches(code.get(), emailCode.hash())) {
      apply(new SecondFactorVerified(userId, organizationId, method, -1));
      return VerificationOutcome.verified(method, AggregateLifecycle.getVersion());
    }
    return reject(method, RejectionReason.WRONG_CODE, RefusalCode.INVALID_CODE, now);
  }

  private VerificationOutcome reject(
      VerificationMethod method, RejectionReason reason, RefusalCode refusalCode, Instant now) {
    int failures = consecutiveFailures + 1;
    apply(new SecondFactorRejected(userId, organizationId, method, reason, failures));
    if (failures >= Lockout.FAILURES_BEFORE_LOCK) {
      int lockNumber = locks + 1;
      // Milliseconds, as the views and the API keep them: all of them then agree on the instant.
      Instant until = now.plus(Lockout.durationOf(lockNumber)).truncatedTo(ChronoUnit.MILLIS);
      apply(new TwoFactorLocked(userId, organizationId, until, lockNumber));
      return VerificationOutcome.locked(method, until, AggregateLifecycle.getVersion());
    }
    return VerificationOutcome.rejected(
        method,
        reason,
        refusalCode,
        Lockout.remainingAttempts(failures),
        AggregateLifecycle.getVersion());
  }

  /**
   * Destroys a data key once the event saying so is stored: were the command to fail instead, the
   * user would keep an enrollment whose key is gone.
   */
  private static void destroyOnceRecorded(String keyId, TotpSecrets secrets) {
    if (keyId != null) {
      CurrentUnitOfWork.get().afterCommit(unitOfWork -> secrets.destroy(keyId));
    }
  }

  private Optional<byte[]> secret(TotpSecrets secrets) {
    return keyId == null ? Optional.empty() : secrets.reveal(userId, keyId, encryptedSecret);
  }

  private void requireMemberOf(String organization) {
    if (!organizationId.equals(organization)) {
      throw CommandRefused.unknownUser();
    }
  }

  private void requireTwoFactorApplies() {
    if (signInMethod == SignInMethod.ENTRA_ID) {
      throw CommandRefused.twoFactorExempt();
    }
  }

  @EventSourcingHandler
  void on(UserRegistered event) {
    userId = event.userId();
    organizationId = event.organizationId();
    email = event.email();
    signInMethod = event.signInMethod();
  }

  @EventSourcingHandler
  void on(SignInMethodChanged event) {
    signInMethod = event.signInMethod();
  }

  @EventSourcingHandler
  void on(TwoFactorSetupStarted event) {
    enrollment = Enrollment.PENDING;
    keyId = event.keyId();
    encryptedSecret = event.encryptedSecret();
  }

  @EventSourcingHandler
  void on(TwoFactorSetupCompleted event) {
    enrollment = Enrollment.ACTIVE;
    lastAcceptedStep = Math.max(lastAcceptedStep, event.timeStep());
  }

  @EventSourcingHandler
  void on(SecondFactorVerified event) {
    lastAcceptedStep = Math.max(lastAcceptedStep, event.timeStep());
    if (event.method() == VerificationMethod.EMAIL_CODE) {
      emailCode = null;
    }
    clearLockout();
  }

  @EventSourcingHandler
  void on(EmailCodeSent event) {
    emailCode = new EmailCode(event.emailCodeId(), event.codeHash(), event.expiresAt(), false);
    emailCodesSentAt.addLast(event.expiresAt().minus(EmailCodes.LIFETIME));
    while (emailCodesSentAt.size() > EmailCodes.SENDS_PER_HOUR) {
      emailCodesSentAt.removeFirst();
    }
  }

  @EventSourcingHandler
  void on(EmailCodeUndeliverable event) {
    if (emailCode != null && emailCode.id().equals(event.emailCodeId())) {
      emailCode = new EmailCode(emailCode.id(), emailCode.hash(), emailCode.expiresAt(), true);
    }
  }

  @EventSourcingHandler
  void on(SecondFactorRejected event) {
    consecutiveFailures = event.consecutiveFailures();
  }

  @EventSourcingHandler
  void on(TwoFactorLocked event) {
    lockedUntil = event.until();
    locks = event.lockNumber();
    consecutiveFailures = 0;
  }

  @EventSourcingHandler
  void on(AccessCodeIssued event) {
    if (accessCode != null) {
      spend(RejectionReason.EXPIRED_CODE); // it was neither revoked nor used: it ran out
    }
    accessCode = new AccessCode(event.accessCodeId(), event.codeHash(), event.expiresAt());
  }

  @EventSourcingHandler
  void on(AccessCodeRevoked event) {
    spend(RejectionReason.REVOKED_CODE);
  }

  @EventSourcingHandler
  void on(AccessCodeRedeemed event) {
    spend(RejectionReason.USED_CODE);
  }

  @EventSourcingHandler
  void on(TwoFactorUnlocked event) {
    clearLockout();
  }

  private void spend(RejectionReason reasonIfTyped) {
    if (accessCode == null) {
      return;
    }
    spentCodes.addFirst(new SpentCode(accessCode.hash(), reasonIfTyped));
    while (spentCodes.size() > REMEMBERED_CODES) {
      spentCodes.removeLast();
    }
    accessCode = null;
  }

  @EventSourcingHandler
  void on(TwoFactorReset event) {
    emailCode = null;
    enrollment = Enrollment.NONE;
    keyId = null;
    encryptedSecret = null;
    lastAcceptedStep = Long.MIN_VALUE;
    clearLockout();
  }

  private void clearLockout() {
    consecutiveFailures = 0;
    locks = 0;
    lockedUntil = null;
  }
}
