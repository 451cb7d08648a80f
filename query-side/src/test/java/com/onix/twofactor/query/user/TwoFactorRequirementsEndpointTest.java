package com.onix.twofactor.query.user;

import static com.onix.twofactor.query.testing.QueryClient.q;
import static com.onix.twofactor.query.testing.UserTwoFactorEvents.fromNow;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.onix.twofactor.kernel.accesscode.RevocationReason;
import com.onix.twofactor.kernel.twofactor.RejectionReason;
import com.onix.twofactor.kernel.twofactor.UnlockCause;
import com.onix.twofactor.kernel.twofactor.VerificationMethod;
import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.query.testing.EventFeed;
import com.onix.twofactor.query.testing.QueryClient;
import com.onix.twofactor.query.testing.QuerySideIntegrationTest;
import com.onix.twofactor.query.testing.UserTwoFactorEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * GET /sign-in/requirements?email= after the second-factor events: docs/http-api.md's twoFactor
 * table, row by row, fed the event sequences the command side writes.
 */
class TwoFactorRequirementsEndpointTest extends QuerySideIntegrationTest {

  /** A password user of a fresh organization, with its events. */
  private record Subject(String org, NewUser user, UserTwoFactorEvents events) {}

  private Subject passwordUser(boolean policyRequired) {
    String org = newOrganization();
    if (policyRequired) {
      feed.policyEnabled(org);
    }
    NewUser user = newUser(org, SignInMethod.PASSWORD);
    return new Subject(org, user, new UserTwoFactorEvents(feed, org, user.userId()));
  }

  private JsonNode requirements(Subject subject, EventFeed.Appended after) {
    QueryClient.Reply reply =
        api.get(
            "/sign-in/requirements?email="
                + q(subject.user().email())
                + "&minVersion="
                + q(after.version()),
            tokens.signInService());
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/json");
    JsonNode answer = reply.json();
    assertThat(answer.path("userId").asText()).isEqualTo(subject.user().userId());
    return answer;
  }

  private static void assertRequirement(JsonNode answer, String twoFactor, String... methods) {
    assertThat(answer.path("twoFactor").asText())
        .as("twoFactor of %s", answer)
        .isEqualTo(twoFactor);
    assertThat(answer.path("methods").isArray()).as("methods of %s", answer).isTrue();
    assertThat(answer.path("methods"))
        .as("methods of %s", answer)
        .extracting(JsonNode::asText)
        .containsExactly(methods);
  }

  private static void assertNotLocked(JsonNode answer) {
    assertThat(answer.has("lockedUntil")).as("lockedUntil is part of %s", answer).isTrue();
    assertThat(answer.path("lockedUntil").isNull()).as("lockedUntil of %s", answer).isTrue();
  }

  // TwoFactorSetupStarted: a pending setup is no enrollment

  @Test
  void pendingSetupUnderThePolicyStillRequiresSetup() {
    Subject subject = passwordUser(true);

    EventFeed.Appended started = subject.events().setupStarted();

    JsonNode answer = requirements(subject, started);
    assertRequirement(answer, "SETUP_REQUIRED", "TOTP_SETUP");
    assertNotLocked(answer);
  }

  @Test
  void pendingSetupWithoutThePolicyStillRequiresNothing() {
    Subject subject = passwordUser(false);

    EventFeed.Appended started = subject.events().setupStarted();

    assertRequirement(requirements(subject, started), "NOT_REQUIRED");
  }

  // TwoFactorSetupCompleted: an active enrollment, whatever the policy says

  @Test
  void completedSetupUnderThePolicyRequiresTotpVerification() {
    Subject subject = passwordUser(true);

    EventFeed.Appended completed = subject.events().enroll();

    JsonNode answer = requirements(subject, completed);
    assertRequirement(answer, "VERIFICATION_REQUIRED", "TOTP");
    assertNotLocked(answer);
  }

  @Test
  void completedSetupWithoutThePolicyRequiresTotpVerification() {
    Subject subject = passwordUser(false);

    EventFeed.Appended completed = subject.events().enroll();

    assertRequirement(requirements(subject, completed), "VERIFICATION_REQUIRED", "TOTP");
  }

  @Test
  void policyDisabledAfterEnrollmentStillRequiresTotpVerification() {
    Subject subject = passwordUser(true);
    subject.events().enroll();

    EventFeed.Appended disabled = feed.policyDisabled(subject.org());

    assertRequirement(requirements(subject, disabled), "VERIFICATION_REQUIRED", "TOTP");
  }

  // TwoFactorLocked / TwoFactorUnlocked

  @Test
  void lockUntilLaterIsLockedWithNoMethods() {
    Subject subject = passwordUser(true);
    subject.events().enroll();
    Instant until = fromNow(Duration.ofMinutes(5));

    EventFeed.Appended locked = subject.events().failUntilLocked(until, 1);

    JsonNode answer = requirements(subject, locked);
    assertRequirement(answer, "LOCKED");
    assertThat(answer.path("lockedUntil").isTextual()).as("%s", answer).isTrue();
    assertThat(Instant.parse(answer.path("lockedUntil").asText())).isEqualTo(until);
  }

  @Test
  void lockWhileHoldingAValidAccessCodeOffersNoMethods() {
    Subject subject = passwordUser(true);
    subject.events().enroll();
    subject.events().accessCodeIssued(UUID.randomUUID().toString());
    Instant until = fromNow(Duration.ofMinutes(5));

    EventFeed.Appended locked = subject.events().failUntilLocked(until, 1);

    JsonNode answer = requirements(subject, locked);
    assertRequirement(answer, "LOCKED");
    assertThat(Instant.parse(answer.path("lockedUntil").asText())).isEqualTo(until);
  }

  @Test
  void lockThatHasRunOutIsNotLocked() {
    Subject subject = passwordUser(true);
    subject.events().enroll();

    EventFeed.Appended locked =
        subject.events().failUntilLocked(fromNow(Duration.ofSeconds(-1)), 1);

    JsonNode answer = requirements(subject, locked);
    assertRequirement(answer, "VERIFICATION_REQUIRED", "TOTP");
    assertNotLocked(answer);
  }

  @Test
  void unlockEndsTheLock() {
    Subject subject = passwordUser(true);
    subject.events().enroll();
    subject.events().failUntilLocked(fromNow(Duration.ofMinutes(5)), 1);

    EventFeed.Appended unlocked = subject.events().unlocked(UnlockCause.ACCESS_CODE_ISSUED);

    JsonNode answer = requirements(subject, unlocked);
    assertRequirement(answer, "VERIFICATION_REQUIRED", "TOTP");
    assertNotLocked(answer);
  }

  @Test
  void verificationClearsAShownLock() {
    Subject subject = passwordUser(false);
    subject.events().enroll();
    EventFeed.Appended locked = subject.events().failUntilLocked(fromNow(Duration.ofMinutes(5)), 1);
    assertRequirement(requirements(subject, locked), "LOCKED");

    EventFeed.Appended verified =
        subject.events().verified(VerificationMethod.TOTP, UserTwoFactorEvents.currentStep() + 1);

    JsonNode answer = requirements(subject, verified);
    assertRequirement(answer, "VERIFICATION_REQUIRED", "TOTP");
    assertNotLocked(answer);
  }

  @Test
  void lockOfAUserWithoutEnrollmentHidesTheSetup() {
    Subject subject = passwordUser(true);
    // Verifying without an enrollment is a failure too (NOT_ENROLLED), and locks just the same.
    for (int failures = 1; failures <= UserTwoFactorEvents.FAILURES_BEFORE_LOCK; failures++) {
      subject.events().rejected(VerificationMethod.TOTP, RejectionReason.NOT_ENROLLED, failures);
    }
    Instant until = fromNow(Duration.ofMinutes(5));

    EventFeed.Appended locked = subject.events().locked(until, 1);

    JsonNode answer = requirements(subject, locked);
    assertRequirement(answer, "LOCKED");
    assertThat(Instant.parse(answer.path("lockedUntil").asText())).isEqualTo(until);
  }

  // TwoFactorReset

  @Test
  void resetUnderThePolicyRequiresSetupAgain() {
    Subject subject = passwordUser(true);
    String keyId = UUID.randomUUID().toString();
    subject.events().setupStarted(keyId, UserTwoFactorEvents.anEncryptedSecret());
    subject.events().setupCompleted(UserTwoFactorEvents.currentStep());

    EventFeed.Appended reset = subject.events().reset("lost phone", keyId);

    JsonNode answer = requirements(subject, reset);
    assertRequirement(answer, "SETUP_REQUIRED", "TOTP_SETUP");
    assertNotLocked(answer);
  }

  @Test
  void resetWithoutThePolicyRequiresNothing() {
    Subject subject = passwordUser(false);
    subject.events().enroll();

    EventFeed.Appended reset = subject.events().reset(null, UUID.randomUUID().toString());

    assertRequirement(requirements(subject, reset), "NOT_REQUIRED");
  }

  @Test
  void resetEndsALock() {
    Subject subject = passwordUser(true);
    subject.events().enroll();
    subject.events().failUntilLocked(fromNow(Duration.ofMinutes(5)), 1);

    EventFeed.Appended reset = subject.events().reset("locked out", UUID.randomUUID().toString());

    JsonNode answer = requirements(subject, reset);
    assertRequirement(answer, "SETUP_REQUIRED", "TOTP_SETUP");
    assertNotLocked(answer);
  }

  // AccessCodeIssued / AccessCodeRedeemed / AccessCodeRevoked

  @Test
  void validAccessCodeIsOfferedAfterTotp() {
    Subject subject = passwordUser(true);
    subject.events().enroll();

    EventFeed.Appended issued = subject.events().accessCodeIssued(UUID.randomUUID().toString());

    assertRequirement(
        requirements(subject, issued), "VERIFICATION_REQUIRED", "TOTP", "ACCESS_CODE");
  }

  @Test
  void validAccessCodeIsOfferedAfterTotpSetup() {
    Subject subject = passwordUser(true);

    EventFeed.Appended issued = subject.events().accessCodeIssued(UUID.randomUUID().toString());

    assertRequirement(requirements(subject, issued), "SETUP_REQUIRED", "TOTP_SETUP", "ACCESS_CODE");
  }

  @Test
  void validAccessCodeIsOfferedAloneWhenNothingIsRequired() {
    Subject subject = passwordUser(false);

    EventFeed.Appended issued = subject.events().accessCodeIssued(UUID.randomUUID().toString());

    assertRequirement(requirements(subject, issued), "NOT_REQUIRED", "ACCESS_CODE");
  }

  @Test
  void accessCodeIssuedAfterALockEndsItAndIsOffered() {
    Subject subject = passwordUser(true);
    subject.events().enroll();
    subject.events().failUntilLocked(fromNow(Duration.ofMinutes(5)), 1);
    subject.events().unlocked(UnlockCause.ACCESS_CODE_ISSUED);

    EventFeed.Appended issued = subject.events().accessCodeIssued(UUID.randomUUID().toString());

    JsonNode answer = requirements(subject, issued);
    assertRequirement(answer, "VERIFICATION_REQUIRED", "TOTP", "ACCESS_CODE");
    assertNotLocked(answer);
  }

  @Test
  void accessCodeThatHasExpiredIsNotOffered() {
    Subject subject = passwordUser(true);

    EventFeed.Appended issued =
        subject
            .events()
            .accessCodeIssued(
                UUID.randomUUID().toString(),
                UserTwoFactorEvents.aCodeHash(),
                fromNow(Duration.ofSeconds(-1)));

    assertRequirement(requirements(subject, issued), "SETUP_REQUIRED", "TOTP_SETUP");
  }

  @Test
  void redeemedAccessCodeIsNoLongerOffered() {
    Subject subject = passwordUser(true);
    subject.events().enroll();
    String code = UUID.randomUUID().toString();
    subject.events().accessCodeIssued(code);

    subject.events().accessCodeRedeemed(code);
    EventFeed.Appended verified = subject.events().verified(VerificationMethod.ACCESS_CODE, -1);

    assertRequirement(requirements(subject, verified), "VERIFICATION_REQUIRED", "TOTP");
  }

  @Test
  void redeemedAccessCodeIsGoneAtTheRedemptionsVersion() {
    Subject subject = passwordUser(false);
    String code = UUID.randomUUID().toString();
    subject.events().accessCodeIssued(code);

    EventFeed.Appended redeemed = subject.events().accessCodeRedeemed(code);

    assertRequirement(requirements(subject, redeemed), "NOT_REQUIRED");
  }

  @Test
  void revokedAccessCodeIsNoLongerOffered() {
    Subject subject = passwordUser(true);
    String code = UUID.randomUUID().toString();
    subject.events().accessCodeIssued(code);

    EventFeed.Appended revoked = subject.events().accessCodeRevoked(code, RevocationReason.ADMIN);

    assertRequirement(requirements(subject, revoked), "SETUP_REQUIRED", "TOTP_SETUP");
  }

  @Test
  void supersedingCodeIsOfferedOnceTheOldOneIsRevoked() {
    Subject subject = passwordUser(false);
    String first = UUID.randomUUID().toString();
    subject.events().accessCodeIssued(first);
    subject.events().accessCodeRevoked(first, RevocationReason.SUPERSEDED);

    EventFeed.Appended second = subject.events().accessCodeIssued(UUID.randomUUID().toString());

    assertRequirement(requirements(subject, second), "NOT_REQUIRED", "ACCESS_CODE");
  }

  @Test
  void resetRemovesTheAccessCode() {
    Subject subject = passwordUser(false);
    subject.events().enroll();
    subject.events().accessCodeIssued(UUID.randomUUID().toString());

    // The reset alone must take the code away, whether or not an AccessCodeRevoked(RESET) precedes
    // it (the command side writes one only for a code still valid by its own clock).
    EventFeed.Appended reset = subject.events().reset("offboarding", UUID.randomUUID().toString());

    assertRequirement(requirements(subject, reset), "NOT_REQUIRED");
  }

  // EXEMPT beats everything

  @Test
  void entraIdUserStaysExemptWhateverElse() {
    Subject subject = passwordUser(true);
    subject.events().enroll();
    subject.events().accessCodeIssued(UUID.randomUUID().toString());
    subject.events().failUntilLocked(fromNow(Duration.ofMinutes(5)), 1);

    EventFeed.Appended changed =
        feed.signInMethodChanged(
            subject.org(), subject.user().userId(), SignInMethod.PASSWORD, SignInMethod.ENTRA_ID);

    JsonNode answer = requirements(subject, changed);
    assertThat(answer.path("signInMethod").asText()).isEqualTo("ENTRA_ID");
    assertRequirement(answer, "EXEMPT");
    assertNotLocked(answer);
  }

  @Test
  void entraIdUserLockedByFailedVerificationsStaysExempt() {
    String org = newOrganization();
    feed.policyEnabled(org);
    NewUser user = newUser(org, SignInMethod.ENTRA_ID);
    Subject subject = new Subject(org, user, new UserTwoFactorEvents(feed, org, user.userId()));
    for (int failures = 1; failures <= UserTwoFactorEvents.FAILURES_BEFORE_LOCK; failures++) {
      subject.events().rejected(VerificationMethod.TOTP, RejectionReason.NOT_ENROLLED, failures);
    }

    EventFeed.Appended locked = subject.events().locked(fromNow(Duration.ofMinutes(5)), 1);

    JsonNode answer = requirements(subject, locked);
    assertRequirement(answer, "EXEMPT");
    assertNotLocked(answer);
  }
}
