package com.onix.twofactor.query.audit;

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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The second-factor events in an organization's audit history: each with its data and the actor the
 * command side recorded in its metadata.
 */
class SecondFactorAuditEventsEndpointTest extends QuerySideIntegrationTest {

  private String org;
  private NewUser user;
  private UserTwoFactorEvents events;
  private final List<EventFeed.Appended> appended = new ArrayList<>();

  @BeforeEach
  void anEnrolledUser() {
    org = newOrganization();
    user = newUser(org, SignInMethod.PASSWORD);
    events = new UserTwoFactorEvents(feed, org, user.userId());
  }

  private EventFeed.Appended add(EventFeed.Appended event) {
    appended.add(event);
    return event;
  }

  /** The user's audit events of {@code type}, once the history has applied {@code after}. */
  private JsonNode audit(String type, EventFeed.Appended after) {
    QueryClient.Reply reply =
        api.get(
            "/organizations/"
                + org
                + "/audit-events?userId="
                + user.userId()
                + "&type="
                + type
                + "&minVersion="
                + q(after.version()),
            tokens.auditor(org));
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply.json().path("events");
  }

  /** The one audit event of {@code appended}'s type, checked against what was appended. */
  private JsonNode onlyEvent(EventFeed.Appended appended, EventFeed.Actor actor) {
    String type = appended.message().getPayloadType().getSimpleName();
    JsonNode found = audit(type, appended);
    assertThat(found).as("%s events", type).hasSize(1);
    JsonNode event = found.get(0);
    assertThat(event.path("eventId").asText()).isEqualTo(appended.eventId());
    assertThat(event.path("type").asText()).isEqualTo(type);
    assertThat(event.path("aggregateId").asText()).isEqualTo(user.userId());
    assertThat(event.path("sequence").asLong()).isEqualTo(appended.sequence());
    assertThat(Instant.parse(event.path("occurredAt").asText())).isEqualTo(appended.timestamp());
    assertThat(event.path("correlationId").asText()).isEqualTo(appended.correlationId());
    assertThat(event.path("actor").path("id").asText()).isEqualTo(actor.id());
    assertThat(event.path("actor").path("roles"))
        .extracting(JsonNode::asText)
        .containsExactly(actor.roles().split(","));
    JsonNode data = event.path("data");
    assertThat(data.path("userId").asText()).isEqualTo(user.userId());
    assertThat(data.path("organizationId").asText()).isEqualTo(org);
    return data;
  }

  private static void assertFields(JsonNode data, String... names) {
    assertThat(data.fieldNames()).toIterable().as("data %s", data).containsExactlyInAnyOrder(names);
  }

  @Test
  void secondFactorRejectedShowsMethodReasonAndConsecutiveFailures() {
    events.enroll();
    events.rejected(VerificationMethod.TOTP, RejectionReason.WRONG_CODE, 1);
    EventFeed.Appended second =
        events.rejected(VerificationMethod.TOTP, RejectionReason.REPLAYED_CODE, 2);

    JsonNode found = audit("SecondFactorRejected", second);

    assertThat(found).hasSize(2);
    JsonNode data = found.get(1).path("data");
    assertFields(data, "userId", "organizationId", "method", "reason", "consecutiveFailures");
    assertThat(data.path("method").asText()).isEqualTo("TOTP");
    assertThat(data.path("reason").asText()).isEqualTo("REPLAYED_CODE");
    assertThat(data.path("consecutiveFailures").isIntegralNumber()).as("%s", data).isTrue();
    assertThat(data.path("consecutiveFailures").asInt()).isEqualTo(2);
    assertThat(found.get(0).path("data").path("consecutiveFailures").asInt()).isEqualTo(1);
    assertThat(found.get(1).path("actor").path("id").asText())
        .isEqualTo(events.signInService().id());
    assertThat(found.get(1).path("actor").path("roles"))
        .extracting(JsonNode::asText)
        .containsExactly("SIGN_IN_SERVICE");
  }

  @Test
  void accessCodeRejectionShowsItsMethodAndReason() {
    EventFeed.Appended rejected =
        events.rejected(VerificationMethod.ACCESS_CODE, RejectionReason.NO_ACTIVE_ACCESS_CODE, 1);

    JsonNode data = onlyEvent(rejected, events.signInService());

    assertThat(data.path("method").asText()).isEqualTo("ACCESS_CODE");
    assertThat(data.path("reason").asText()).isEqualTo("NO_ACTIVE_ACCESS_CODE");
    assertThat(data.path("consecutiveFailures").asInt()).isEqualTo(1);
  }

  @Test
  void twoFactorLockedShowsUntilAndLockNumber() {
    events.enroll();
    Instant until = fromNow(Duration.ofMinutes(10));

    EventFeed.Appended locked = events.failUntilLocked(until, 2);

    JsonNode data = onlyEvent(locked, events.signInService());
    assertFields(data, "userId", "organizationId", "until", "lockNumber");
    assertThat(data.path("until").isTextual()).as("until of %s", data).isTrue();
    assertThat(data.path("until").asText()).endsWith("Z");
    assertThat(Instant.parse(data.path("until").asText())).isEqualTo(until);
    assertThat(data.path("lockNumber").isIntegralNumber()).as("%s", data).isTrue();
    assertThat(data.path("lockNumber").asInt()).isEqualTo(2);
  }

  @Test
  void twoFactorUnlockedShowsItsCause() {
    events.enroll();
    events.failUntilLocked(fromNow(Duration.ofMinutes(5)), 1);

    EventFeed.Appended unlocked = events.unlocked(UnlockCause.ACCESS_CODE_ISSUED);

    JsonNode data = onlyEvent(unlocked, events.admin());
    assertFields(data, "userId", "organizationId", "cause");
    assertThat(data.path("cause").asText()).isEqualTo("ACCESS_CODE_ISSUED");
  }

  @Test
  void accessCodeRevokedShowsTheCodeAndItsReason() {
    String code = UUID.randomUUID().toString();
    events.accessCodeIssued(code);

    EventFeed.Appended revoked = events.accessCodeRevoked(code, RevocationReason.ADMIN);

    JsonNode data = onlyEvent(revoked, events.admin());
    assertFields(data, "userId", "organizationId", "accessCodeId", "reason");
    assertThat(data.path("accessCodeId").asText()).isEqualTo(code);
    assertThat(data.path("reason").asText()).isEqualTo("ADMIN");
  }

  @Test
  void accessCodeRevokedBySupersedingAndByResetShowThoseReasons() {
    String first = UUID.randomUUID().toString();
    String second = UUID.randomUUID().toString();
    events.accessCodeIssued(first);
    events.accessCodeRevoked(first, RevocationReason.SUPERSEDED);
    events.accessCodeIssued(second);
    EventFeed.Appended byReset = events.accessCodeRevoked(second, RevocationReason.RESET);
    events.reset(null, null);

    JsonNode found = audit("AccessCodeRevoked", byReset);

    assertThat(found)
        .extracting(e -> e.path("data").path("accessCodeId").asText())
        .containsExactly(first, second);
    assertThat(found)
        .extracting(e -> e.path("data").path("reason").asText())
        .containsExactly("SUPERSEDED", "RESET");
  }

  @Test
  void accessCodeRedeemedShowsTheCodeAndTheSignInService() {
    String code = UUID.randomUUID().toString();
    events.accessCodeIssued(code);

    EventFeed.Appended redeemed = events.accessCodeRedeemed(code);

    JsonNode data = onlyEvent(redeemed, events.signInService());
    assertFields(data, "userId", "organizationId", "accessCodeId");
    assertThat(data.path("accessCodeId").asText()).isEqualTo(code);
  }

  @Test
  void secondFactorVerifiedShowsTheMethod() {
    long step = UserTwoFactorEvents.currentStep();
    events.setupStarted();
    events.setupCompleted(step);

    EventFeed.Appended verified = events.verified(VerificationMethod.TOTP, step + 1);

    JsonNode data = onlyEvent(verified, events.signInService());
    assertThat(data.path("method").asText()).isEqualTo("TOTP");
  }

  @Test
  void setupCompletedIsAttributedToTheUser() {
    events.setupStarted();

    EventFeed.Appended completed = events.setupCompleted(UserTwoFactorEvents.currentStep());

    JsonNode data = onlyEvent(completed, events.user());
    assertThat(data.path("userId").asText()).isEqualTo(user.userId());
  }

  @Test
  void twoFactorResetShowsTheAdminAndTheReason() {
    String keyId = UUID.randomUUID().toString();
    events.setupStarted(keyId, UserTwoFactorEvents.anEncryptedSecret());
    events.setupCompleted(UserTwoFactorEvents.currentStep());

    EventFeed.Appended reset = events.reset("lost phone", keyId);

    JsonNode data = onlyEvent(reset, events.admin());
    assertThat(data.path("adminId").asText()).isEqualTo(events.admin().id());
    assertThat(data.path("reason").asText()).isEqualTo("lost phone");
    assertThat(data.path("destroyedKeyId").asText()).isEqualTo(keyId);
  }

  @Test
  void wholeSecondFactorLifecycleAppearsInOrder() {
    long step = UserTwoFactorEvents.currentStep();
    String code = UUID.randomUUID().toString();
    add(user.registered());
    add(events.setupStarted());
    add(events.setupCompleted(step));
    add(events.verified(VerificationMethod.TOTP, step + 1));
    for (int failures = 1; failures <= UserTwoFactorEvents.FAILURES_BEFORE_LOCK; failures++) {
      add(events.rejected(VerificationMethod.TOTP, RejectionReason.WRONG_CODE, failures));
    }
    add(events.locked(fromNow(Duration.ofMinutes(5)), 1));
    add(events.unlocked(UnlockCause.ACCESS_CODE_ISSUED));
    add(events.accessCodeIssued(code));
    add(events.accessCodeRedeemed(code));
    add(events.verified(VerificationMethod.ACCESS_CODE, -1));
    EventFeed.Appended last = add(events.reset("done", null));

    QueryClient.Reply reply =
        api.get(
            "/organizations/"
                + org
                + "/audit-events?userId="
                + user.userId()
                + "&minVersion="
                + q(last.version()),
            tokens.orgAdmin(org));

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    List<JsonNode> found =
        StreamSupport.stream(reply.json().path("events").spliterator(), false).toList();
    assertThat(found)
        .extracting(e -> e.path("eventId").asText())
        .containsExactlyElementsOf(appended.stream().map(EventFeed.Appended::eventId).toList());
    assertThat(found)
        .extracting(e -> e.path("type").asText())
        .containsExactlyElementsOf(
            appended.stream().map(a -> a.message().getPayloadType().getSimpleName()).toList());
    assertThat(found)
        .extracting(e -> e.path("sequence").asLong())
        .containsExactlyElementsOf(appended.stream().map(EventFeed.Appended::sequence).toList());
  }
}
