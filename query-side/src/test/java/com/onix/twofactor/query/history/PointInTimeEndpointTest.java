package com.onix.twofactor.query.history;

import static com.onix.twofactor.query.testing.QueryClient.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.query.testing.EventFeed;
import com.onix.twofactor.query.testing.QuerySideIntegrationTest;
import com.onix.twofactor.query.testing.UserTwoFactorEvents;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An auditor reconstructs a user's 2FA state, and the policy in force, at any past instant. */
class PointInTimeEndpointTest extends QuerySideIntegrationTest {

  private record History(
      String org,
      String userId,
      EventFeed.Appended registered,
      EventFeed.Appended policyOn,
      EventFeed.Appended enrolled,
      EventFeed.Appended locked,
      EventFeed.Appended reset) {}

  private History aUsersHistory() {
    String org = newOrganization();
    NewUser ann = newUser(org, SignInMethod.PASSWORD);
    EventFeed.Appended policyOn = feed.policyEnabled(org);
    UserTwoFactorEvents twoFactor = new UserTwoFactorEvents(feed, org, ann.userId());
    twoFactor.setupStarted();
    EventFeed.Appended enrolled = twoFactor.setupCompleted(UserTwoFactorEvents.currentStep());
    EventFeed.Appended locked =
        twoFactor.failUntilLocked(Instant.now().plus(Duration.ofMinutes(5)), 1);
    EventFeed.Appended reset = twoFactor.reset("lost phone", null);
    // The past is read from the audit history: wait until it holds the last event.
    assertThat(
            api.get(
                    "/organizations/"
                        + org
                        + "/audit-events?limit=1&minVersion="
                        + q(reset.version()),
                    tokens.auditor(org))
                .status())
        .isEqualTo(200);
    return new History(org, ann.userId(), ann.registered(), policyOn, enrolled, locked, reset);
  }

  private JsonNode userAt(History h, Instant instant) {
    var reply =
        api.get(
            "/organizations/"
                + h.org()
                + "/users/"
                + h.userId()
                + "?asOf="
                + q(instant.toString())
                + "&minVersion="
                + q(h.reset().version()),
            tokens.auditor(h.org()));
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply.json();
  }

  private static Instant justAfter(EventFeed.Appended event) {
    return event.timestamp();
  }

  private static Instant justBefore(EventFeed.Appended event) {
    return event.timestamp().minusMillis(1);
  }

  @Test
  void beforeTheUserWasRegisteredTheUserIsUnknown() {
    History h = aUsersHistory();
    var reply =
        api.get(
            "/organizations/"
                + h.org()
                + "/users/"
                + h.userId()
                + "?asOf="
                + q(justBefore(h.registered()).toString()),
            tokens.auditor(h.org()));
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().path("code").asText()).isEqualTo("UNKNOWN_USER");
  }

  @Test
  void eachInstantShowsTheStateThatHeldThen() {
    History h = aUsersHistory();
    assertThat(userAt(h, justBefore(h.policyOn())).path("twoFactor").asText())
        .isEqualTo("NOT_REQUIRED");
    assertThat(userAt(h, justAfter(h.policyOn())).path("twoFactor").asText())
        .isEqualTo("SETUP_REQUIRED");
    JsonNode enrolled = userAt(h, justAfter(h.enrolled()));
    assertThat(enrolled.path("twoFactor").asText()).isEqualTo("VERIFICATION_REQUIRED");
    assertThat(Instant.parse(enrolled.path("enrolledAt").asText()))
        .isEqualTo(h.enrolled().timestamp());
    JsonNode locked = userAt(h, justAfter(h.locked()));
    assertThat(locked.path("twoFactor").asText()).isEqualTo("LOCKED");
    assertThat(locked.path("lockedUntil").isNull()).isFalse();
    JsonNode reset = userAt(h, justAfter(h.reset()));
    assertThat(reset.path("twoFactor").asText()).isEqualTo("SETUP_REQUIRED");
    assertThat(reset.path("enrolledAt").isNull()).isTrue();
  }

  @Test
  void theStateNowComputedFromEventsEqualsTheProjectedView() {
    History h = aUsersHistory();
    var current =
        api.get(
            "/organizations/"
                + h.org()
                + "/users/"
                + h.userId()
                + "?minVersion="
                + q(h.reset().version()),
            tokens.auditor(h.org()));
    assertThat(userAt(h, Instant.now())).isEqualTo(current.json());
  }

  @Test
  void thePolicyInForceAtAnInstantNamesWhoSetItWhen() {
    History h = aUsersHistory();
    JsonNode before =
        api.get(
                "/organizations/"
                    + h.org()
                    + "/two-factor-policy?asOf="
                    + q(justBefore(h.policyOn()).toString()),
                tokens.auditor(h.org()))
            .json();
    assertThat(before.path("required").asBoolean()).isFalse();
    JsonNode after =
        api.get(
                "/organizations/"
                    + h.org()
                    + "/two-factor-policy?asOf="
                    + q(justAfter(h.policyOn()).toString()),
                tokens.auditor(h.org()))
            .json();
    assertThat(after.path("required").asBoolean()).isTrue();
    assertThat(after.path("changedBy").asText()).isEqualTo(h.policyOn().actorId());
    assertThat(Instant.parse(after.path("changedAt").asText())).isEqualTo(h.policyOn().timestamp());
  }

  @Test
  void aMalformedInstantIsAValidationError() {
    History h = aUsersHistory();
    var reply =
        api.get(
            "/organizations/" + h.org() + "/users/" + h.userId() + "?asOf=yesterday",
            tokens.auditor(h.org()));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("code").asText()).isEqualTo("VALIDATION_FAILED");
  }

  @Test
  void anAuditorOfAnotherOrganizationCannotLookIntoThePast() {
    History h = aUsersHistory();
    var reply =
        api.get(
            "/organizations/"
                + h.org()
                + "/users/"
                + h.userId()
                + "?asOf="
                + q(Instant.now().toString()),
            tokens.auditor(newOrganization()));
    assertThat(reply.status()).isIn(403, 404);
  }
}
