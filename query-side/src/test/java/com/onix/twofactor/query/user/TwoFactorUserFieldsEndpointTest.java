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
 * The second-factor fields of GET /organizations/{orgId}/users/{userId} (and of the list):
 * enrolledAt, lastVerifiedAt, accessCode and lockedUntil, after the events that set them.
 */
class TwoFactorUserFieldsEndpointTest extends QuerySideIntegrationTest {

  private String org;
  private NewUser user;
  private UserTwoFactorEvents events;

  private void givenAPasswordUser(boolean policyRequired) {
    org = newOrganization();
    if (policyRequired) {
      feed.policyEnabled(org);
    }
    user = newUser(org, SignInMethod.PASSWORD);
    events = new UserTwoFactorEvents(feed, org, user.userId());
  }

  private QueryClient.Reply oneReply(EventFeed.Appended after) {
    return api.get(
        "/organizations/" + org + "/users/" + user.userId() + "?minVersion=" + q(after.version()),
        tokens.orgAdmin(org));
  }

  private JsonNode one(EventFeed.Appended after) {
    QueryClient.Reply reply = oneReply(after);
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply.json();
  }

  private static Instant instant(JsonNode answer, String field) {
    JsonNode value = answer.path(field);
    assertThat(value.isTextual()).as("%s of %s", field, answer).isTrue();
    return Instant.parse(value.asText());
  }

  private static void assertNull(JsonNode answer, String field) {
    assertThat(answer.has(field)).as("%s is part of %s", field, answer).isTrue();
    assertThat(answer.path(field).isNull()).as("%s of %s", field, answer).isTrue();
  }

  // enrolledAt

  @Test
  void pendingSetupSetsNoEnrolledAt() {
    givenAPasswordUser(true);

    EventFeed.Appended started = events.setupStarted();

    JsonNode answer = one(started);
    assertNull(answer, "enrolledAt");
    assertThat(answer.path("twoFactor").asText()).isEqualTo("SETUP_REQUIRED");
  }

  @Test
  void enrolledAtIsTheTimeOfTheCompletedSetup() {
    givenAPasswordUser(true);
    events.setupStarted();

    EventFeed.Appended completed = events.setupCompleted(UserTwoFactorEvents.currentStep());

    JsonNode answer = one(completed);
    assertThat(instant(answer, "enrolledAt")).isEqualTo(completed.timestamp());
    assertThat(answer.path("twoFactor").asText()).isEqualTo("VERIFICATION_REQUIRED");
  }

  @Test
  void laterEventsKeepTheEnrolledAt() {
    givenAPasswordUser(false);
    events.setupStarted();
    EventFeed.Appended completed = events.setupCompleted(UserTwoFactorEvents.currentStep());

    events.rejected(VerificationMethod.TOTP, RejectionReason.WRONG_CODE, 1);
    EventFeed.Appended verified =
        events.verified(VerificationMethod.TOTP, UserTwoFactorEvents.currentStep() + 1);

    assertThat(instant(one(verified), "enrolledAt")).isEqualTo(completed.timestamp());
  }

  @Test
  void resetClearsEnrolledAt() {
    givenAPasswordUser(true);
    events.enroll();

    EventFeed.Appended reset = events.reset("new phone", UUID.randomUUID().toString());

    JsonNode answer = one(reset);
    assertNull(answer, "enrolledAt");
    assertThat(answer.path("twoFactor").asText()).isEqualTo("SETUP_REQUIRED");
  }

  @Test
  void reEnrollmentAfterAResetHasTheNewEnrolledAt() {
    givenAPasswordUser(true);
    events.enroll();
    events.reset("new phone", UUID.randomUUID().toString());
    events.setupStarted();

    EventFeed.Appended completed = events.setupCompleted(UserTwoFactorEvents.currentStep() + 1);

    assertThat(instant(one(completed), "enrolledAt")).isEqualTo(completed.timestamp());
  }

  // lastVerifiedAt

  @Test
  void lastVerifiedAtIsTheTimeOfTheLatestVerification() {
    givenAPasswordUser(true);
    EventFeed.Appended completed = events.enroll();
    assertNull(one(completed), "lastVerifiedAt");

    events.verified(VerificationMethod.TOTP, UserTwoFactorEvents.currentStep() + 1);
    EventFeed.Appended latest =
        events.verified(VerificationMethod.TOTP, UserTwoFactorEvents.currentStep() + 2);

    assertThat(instant(one(latest), "lastVerifiedAt")).isEqualTo(latest.timestamp());
  }

  @Test
  void accessCodeVerificationSetsLastVerifiedAt() {
    givenAPasswordUser(false);
    String code = UUID.randomUUID().toString();
    events.accessCodeIssued(code);
    events.accessCodeRedeemed(code);

    EventFeed.Appended verified = events.verified(VerificationMethod.ACCESS_CODE, -1);

    assertThat(instant(one(verified), "lastVerifiedAt")).isEqualTo(verified.timestamp());
  }

  @Test
  void rejectionLeavesLastVerifiedAt() {
    givenAPasswordUser(false);
    events.enroll();
    EventFeed.Appended verified =
        events.verified(VerificationMethod.TOTP, UserTwoFactorEvents.currentStep() + 1);

    EventFeed.Appended rejected =
        events.rejected(VerificationMethod.TOTP, RejectionReason.REPLAYED_CODE, 1);

    assertThat(instant(one(rejected), "lastVerifiedAt")).isEqualTo(verified.timestamp());
  }

  // lockedUntil

  @Test
  void lockedUntilIsShownWhileTheLockLasts() {
    givenAPasswordUser(true);
    events.enroll();
    Instant until = fromNow(Duration.ofMinutes(10));

    EventFeed.Appended locked = events.failUntilLocked(until, 2);

    JsonNode answer = one(locked);
    assertThat(instant(answer, "lockedUntil")).isEqualTo(until);
    assertThat(answer.path("twoFactor").asText()).isEqualTo("LOCKED");
  }

  @Test
  void lockedUntilIsNotShownOnceTheLockHasRunOut() {
    givenAPasswordUser(true);
    events.enroll();

    EventFeed.Appended locked = events.failUntilLocked(fromNow(Duration.ofSeconds(-1)), 1);

    JsonNode answer = one(locked);
    assertNull(answer, "lockedUntil");
    assertThat(answer.path("twoFactor").asText()).isEqualTo("VERIFICATION_REQUIRED");
  }

  @Test
  void unlockClearsLockedUntil() {
    givenAPasswordUser(true);
    events.enroll();
    events.failUntilLocked(fromNow(Duration.ofMinutes(5)), 1);

    EventFeed.Appended unlocked = events.unlocked(UnlockCause.ACCESS_CODE_ISSUED);

    assertNull(one(unlocked), "lockedUntil");
  }

  // accessCode

  @Test
  void accessCodeShowsOnlyItsIdAndExpiry() {
    givenAPasswordUser(true);
    String accessCodeId = UUID.randomUUID().toString();
    Instant expiresAt = fromNow(Duration.ofMinutes(30));

    EventFeed.Appended issued =
        events.accessCodeIssued(accessCodeId, UserTwoFactorEvents.aCodeHash(), expiresAt);

    JsonNode code = one(issued).path("accessCode");
    assertThat(code.isObject()).as("accessCode %s", code).isTrue();
    assertThat(code.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("accessCodeId", "expiresAt");
    assertThat(code.path("accessCodeId").asText()).isEqualTo(accessCodeId);
    assertThat(instant(code, "expiresAt")).isEqualTo(expiresAt);
  }

  @Test
  void accessCodeThatHasExpiredIsNotShown() {
    givenAPasswordUser(false);

    EventFeed.Appended issued =
        events.accessCodeIssued(
            UUID.randomUUID().toString(),
            UserTwoFactorEvents.aCodeHash(),
            fromNow(Duration.ofSeconds(-1)));

    JsonNode answer = one(issued);
    assertNull(answer, "accessCode");
    assertThat(answer.path("twoFactor").asText()).isEqualTo("NOT_REQUIRED");
  }

  @Test
  void supersedingCodeReplacesTheShownCode() {
    givenAPasswordUser(false);
    String first = UUID.randomUUID().toString();
    String second = UUID.randomUUID().toString();
    events.accessCodeIssued(first);
    events.accessCodeRevoked(first, RevocationReason.SUPERSEDED);

    EventFeed.Appended issued = events.accessCodeIssued(second);

    assertThat(one(issued).path("accessCode").path("accessCodeId").asText()).isEqualTo(second);
  }

  @Test
  void revokedAccessCodeIsNotShown() {
    givenAPasswordUser(false);
    String code = UUID.randomUUID().toString();
    events.accessCodeIssued(code);

    EventFeed.Appended revoked = events.accessCodeRevoked(code, RevocationReason.ADMIN);

    assertNull(one(revoked), "accessCode");
  }

  @Test
  void redeemedAccessCodeIsNotShown() {
    givenAPasswordUser(false);
    String code = UUID.randomUUID().toString();
    events.accessCodeIssued(code);

    EventFeed.Appended redeemed = events.accessCodeRedeemed(code);

    assertNull(one(redeemed), "accessCode");
  }

  @Test
  void listShowsTheSameSecondFactorFieldsAsTheUser() {
    givenAPasswordUser(true);
    events.enroll();
    events.verified(VerificationMethod.TOTP, UserTwoFactorEvents.currentStep() + 1);
    events.accessCodeIssued(UUID.randomUUID().toString());
    EventFeed.Appended locked = events.failUntilLocked(fromNow(Duration.ofMinutes(5)), 1);

    QueryClient.Reply list =
        api.get(
            "/organizations/" + org + "/users?minVersion=" + q(locked.version()),
            tokens.auditor(org));

    assertThat(list.status()).as("%s", list).isEqualTo(200);
    JsonNode listed = list.json().path("users");
    assertThat(listed).hasSize(1);
    JsonNode single = one(locked);
    assertThat(listed.get(0)).isEqualTo(single);
    assertThat(single.path("enrolledAt").isTextual()).isTrue();
    assertThat(single.path("lastVerifiedAt").isTextual()).isTrue();
    assertThat(single.path("accessCode").isObject()).isTrue();
    assertThat(single.path("lockedUntil").isTextual()).isTrue();
  }

  // read-your-writes after events that show nothing

  @Test
  void rejectionIsReadableAtItsVersionPromptlyAndChangesNothingShown() {
    givenAPasswordUser(true);
    EventFeed.Appended completed = events.enroll();
    JsonNode before = one(completed); // also warms up

    EventFeed.Appended rejected =
        events.rejected(VerificationMethod.TOTP, RejectionReason.WRONG_CODE, 1);

    QueryClient.Reply reply = oneReply(rejected);
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.elapsed()).isLessThan(QueryClient.PROMPTLY);
    assertThat(reply.json()).isEqualTo(before);
  }

  @Test
  void rejectionIsReadableAtItsVersionPromptlyOnTheSignInRequirements() {
    givenAPasswordUser(false);
    EventFeed.Appended completed = events.enroll();
    // Warmed up: the first request of a fresh service may be slow for reasons of its own.
    assertThat(one(completed).path("twoFactor").asText()).isEqualTo("VERIFICATION_REQUIRED");

    EventFeed.Appended rejected =
        events.rejected(VerificationMethod.TOTP, RejectionReason.WRONG_CODE, 1);

    QueryClient.Reply reply =
        api.get(
            "/sign-in/requirements?email="
                + q(user.email())
                + "&minVersion="
                + q(rejected.version()),
            tokens.signInService());
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.elapsed()).isLessThan(QueryClient.PROMPTLY);
    assertThat(reply.json().path("twoFactor").asText()).isEqualTo("VERIFICATION_REQUIRED");
  }

  /** Asserts the user answers at the event's version promptly, and returns the event. */
  private EventFeed.Appended readablePromptly(EventFeed.Appended event) {
    String type = event.message().getPayloadType().getSimpleName();
    QueryClient.Reply reply = oneReply(event);
    assertThat(reply.status()).as("after %s: %s", type, reply).isEqualTo(200);
    assertThat(reply.elapsed()).as("after %s", type).isLessThan(QueryClient.PROMPTLY);
    return event;
  }

  @Test
  void everySecondFactorEventIsReadableAtItsVersionPromptly() {
    givenAPasswordUser(true);
    String keyId = UUID.randomUUID().toString();
    String first = UUID.randomUUID().toString();
    String second = UUID.randomUUID().toString();
    long step = UserTwoFactorEvents.currentStep();
    one(user.registered()); // warmed up

    readablePromptly(events.setupStarted(keyId, UserTwoFactorEvents.anEncryptedSecret()));
    readablePromptly(events.setupCompleted(step));
    readablePromptly(events.rejected(VerificationMethod.TOTP, RejectionReason.REPLAYED_CODE, 1));
    readablePromptly(events.verified(VerificationMethod.TOTP, step + 1));
    for (int failures = 1; failures <= UserTwoFactorEvents.FAILURES_BEFORE_LOCK; failures++) {
      readablePromptly(
          events.rejected(VerificationMethod.TOTP, RejectionReason.WRONG_CODE, failures));
    }
    readablePromptly(events.locked(fromNow(Duration.ofMinutes(5)), 1));
    readablePromptly(events.unlocked(UnlockCause.ACCESS_CODE_ISSUED));
    readablePromptly(events.accessCodeIssued(first));
    readablePromptly(events.accessCodeRevoked(first, RevocationReason.ADMIN));
    readablePromptly(events.accessCodeIssued(second));
    readablePromptly(events.accessCodeRedeemed(second));
    readablePromptly(events.verified(VerificationMethod.ACCESS_CODE, -1));
    EventFeed.Appended reset = readablePromptly(events.reset("audit", keyId));

    assertThat(reset.sequence()).as("user events appended").isEqualTo(17);
  }
}
