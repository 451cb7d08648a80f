package com.onix.twofactor.query.testing;

import com.onix.twofactor.kernel.accesscode.AccessCodeIssued;
import com.onix.twofactor.kernel.accesscode.AccessCodeRedeemed;
import com.onix.twofactor.kernel.accesscode.AccessCodeRevoked;
import com.onix.twofactor.kernel.accesscode.RevocationReason;
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
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * The second-factor events of one user's {@code UserTwoFactor} aggregate, as the command side
 * writes them: each attributed to the caller who causes it (the user for setup, the sign-in page
 * for verifications, an org admin for access codes and resets), numbered on from the same {@link
 * EventFeed} that registered the user.
 */
public final class UserTwoFactorEvents {

  /** TOTP time steps are 30 s long. */
  public static final long STEP_SECONDS = 30;

  /** Consecutive failures that lock verification. */
  public static final int FAILURES_BEFORE_LOCK = 5;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final EventFeed feed;
  private final String organizationId;
  private final String userId;
  private final EventFeed.Actor user;
  private final EventFeed.Actor signInService;
  private final EventFeed.Actor admin;

  public UserTwoFactorEvents(EventFeed feed, String organizationId, String userId) {
    this.feed = feed;
    this.organizationId = organizationId;
    this.userId = userId;
    this.user = EventFeed.Actor.of(userId, "USER");
    this.signInService = EventFeed.Actor.of(UUID.randomUUID().toString(), "SIGN_IN_SERVICE");
    this.admin = EventFeed.Actor.of(UUID.randomUUID().toString(), "ORG_ADMIN");
  }

  public String userId() {
    return userId;
  }

  /** Who the setup events are attributed to: the user themself. */
  public EventFeed.Actor user() {
    return user;
  }

  /** Who the verification events are attributed to. */
  public EventFeed.Actor signInService() {
    return signInService;
  }

  /** Who the access-code, unlock and reset events are attributed to. */
  public EventFeed.Actor admin() {
    return admin;
  }

  /** An AES-256-GCM sealed 160-bit secret, Base64: nonce (12) + ciphertext (20) + tag (16). */
  public static String anEncryptedSecret() {
    return randomBase64(12 + 20 + 16);
  }

  /** A keyed hash (HMAC-SHA256, Base64) of an access code. */
  public static String aCodeHash() {
    return randomBase64(32);
  }

  /** The current TOTP time step. */
  public static long currentStep() {
    return Instant.now().getEpochSecond() / STEP_SECONDS;
  }

  /** {@code now + amount}, in the whole milliseconds the views keep. */
  public static Instant fromNow(Duration amount) {
    return Instant.now().plus(amount).truncatedTo(ChronoUnit.MILLIS);
  }

  public EventFeed.Appended setupStarted(String keyId, String encryptedSecret) {
    return feed.as(user)
        .append(
            EventFeed.USER_TWO_FACTOR,
            userId,
            new TwoFactorSetupStarted(userId, organizationId, keyId, encryptedSecret));
  }

  public EventFeed.Appended setupStarted() {
    return setupStarted(UUID.randomUUID().toString(), anEncryptedSecret());
  }

  public EventFeed.Appended setupCompleted(long timeStep) {
    return feed.as(user)
        .append(
            EventFeed.USER_TWO_FACTOR,
            userId,
            new TwoFactorSetupCompleted(userId, organizationId, timeStep));
  }

  /** Setup started and confirmed with the current step's code. */
  public EventFeed.Appended enroll() {
    setupStarted();
    return setupCompleted(currentStep());
  }

  public EventFeed.Appended verified(VerificationMethod method, long timeStep) {
    return feed.as(signInService)
        .append(
            EventFeed.USER_TWO_FACTOR,
            userId,
            new SecondFactorVerified(userId, organizationId, method, timeStep));
  }

  public EventFeed.Appended rejected(
      VerificationMethod method, RejectionReason reason, int consecutiveFailures) {
    return feed.as(signInService)
        .append(
            EventFeed.USER_TWO_FACTOR,
            userId,
            new SecondFactorRejected(userId, organizationId, method, reason, consecutiveFailures));
  }

  public EventFeed.Appended locked(Instant until, int lockNumber) {
    return feed.as(signInService)
        .append(
            EventFeed.USER_TWO_FACTOR,
            userId,
            new TwoFactorLocked(userId, organizationId, until, lockNumber));
  }

  /** Five wrong TOTP codes in a row, the fifth locking verification until {@code until}. */
  public EventFeed.Appended failUntilLocked(Instant until, int lockNumber) {
    for (int failures = 1; failures <= FAILURES_BEFORE_LOCK; failures++) {
      rejected(VerificationMethod.TOTP, RejectionReason.WRONG_CODE, failures);
    }
    return locked(until, lockNumber);
  }

  public EventFeed.Appended unlocked(UnlockCause cause) {
    return feed.as(admin)
        .append(
            EventFeed.USER_TWO_FACTOR,
            userId,
            new TwoFactorUnlocked(userId, organizationId, cause));
  }

  public EventFeed.Appended reset(String reason, String destroyedKeyId) {
    return feed.as(admin)
        .append(
            EventFeed.USER_TWO_FACTOR,
            userId,
            new TwoFactorReset(userId, organizationId, admin.id(), reason, destroyedKeyId));
  }

  public EventFeed.Appended accessCodeIssued(
      String accessCodeId, String codeHash, Instant expiresAt) {
    return feed.as(admin)
        .append(
            EventFeed.USER_TWO_FACTOR,
            userId,
            new AccessCodeIssued(
                userId, organizationId, accessCodeId, codeHash, expiresAt, admin.id()));
  }

  /** A fresh code with the default lifetime of 60 minutes. */
  public EventFeed.Appended accessCodeIssued(String accessCodeId) {
    return accessCodeIssued(accessCodeId, aCodeHash(), fromNow(Duration.ofMinutes(60)));
  }

  public EventFeed.Appended accessCodeRevoked(String accessCodeId, RevocationReason reason) {
    return feed.as(admin)
        .append(
            EventFeed.USER_TWO_FACTOR,
            userId,
            new AccessCodeRevoked(userId, organizationId, accessCodeId, reason));
  }

  public EventFeed.Appended accessCodeRedeemed(String accessCodeId) {
    return feed.as(signInService)
        .append(
            EventFeed.USER_TWO_FACTOR,
            userId,
            new AccessCodeRedeemed(userId, organizationId, accessCodeId));
  }

  private static String randomBase64(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return Base64.getEncoder().encodeToString(value);
  }
}
