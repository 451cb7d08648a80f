package com.onix.twofactor.query.user;

import static com.onix.twofactor.query.testing.QueryClient.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.query.testing.EventFeed;
import com.onix.twofactor.query.testing.QuerySideIntegrationTest;
import com.onix.twofactor.query.testing.UserTwoFactorEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Users &amp; Roles list filtered by 2FA state and sign-in method, and the counts per state.
 */
class UserFiltersAndCountsEndpointTest extends QuerySideIntegrationTest {

  private record Org(
      String id,
      List<String> setupRequired,
      List<String> enrolled,
      String exempt,
      String locked,
      EventFeed.Appended last) {}

  private Org anOrganization() {
    String org = newOrganization();
    feed.policyEnabled(org);
    List<String> setupRequired = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      setupRequired.add(newUser(org, SignInMethod.PASSWORD).userId());
    }
    List<String> enrolled = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String user = newUser(org, SignInMethod.PASSWORD).userId();
      new UserTwoFactorEvents(feed, org, user).enroll();
      enrolled.add(user);
    }
    String exempt = newUser(org, SignInMethod.ENTRA_ID).userId();
    String locked = newUser(org, SignInMethod.PASSWORD).userId();
    EventFeed.Appended last =
        new UserTwoFactorEvents(feed, org, locked)
            .failUntilLocked(Instant.now().plus(Duration.ofMinutes(5)), 1);
    return new Org(org, setupRequired, enrolled, exempt, locked, last);
  }

  private List<String> allPages(Org org, String filter, int limit) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      var reply =
          api.get(
              "/organizations/"
                  + org.id()
                  + "/users?limit="
                  + limit
                  + filter
                  + "&minVersion="
                  + q(org.last().version())
                  + (cursor == null ? "" : "&cursor=" + q(cursor)),
              tokens.orgAdmin(org.id()));
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      reply.json().path("users").forEach(user -> ids.add(user.path("userId").asText()));
      cursor = reply.json().path("next").isNull() ? null : reply.json().path("next").asText();
    } while (cursor != null);
    return ids;
  }

  @Test
  void filteringByTwoFactorWalksEveryMatchingUserOnceAcrossPages() {
    Org org = anOrganization();
    assertThat(allPages(org, "&twoFactor=SETUP_REQUIRED", 2))
        .containsExactlyInAnyOrderElementsOf(org.setupRequired());
    assertThat(allPages(org, "&twoFactor=VERIFICATION_REQUIRED", 1))
        .containsExactlyInAnyOrderElementsOf(org.enrolled());
    assertThat(allPages(org, "&twoFactor=LOCKED", 3)).containsExactly(org.locked());
    assertThat(allPages(org, "&twoFactor=NOT_REQUIRED", 3)).isEmpty();
  }

  @Test
  void filteringBySignInMethodAndTwoFactorTogether() {
    Org org = anOrganization();
    assertThat(allPages(org, "&signInMethod=ENTRA_ID", 5)).containsExactly(org.exempt());
    assertThat(allPages(org, "&signInMethod=PASSWORD&twoFactor=EXEMPT", 5)).isEmpty();
    assertThat(allPages(org, "&signInMethod=PASSWORD", 4)).hasSize(8);
  }

  @Test
  void anUnknownFilterValueIsAValidationError() {
    Org org = anOrganization();
    var reply =
        api.get("/organizations/" + org.id() + "/users?twoFactor=MAYBE", tokens.orgAdmin(org.id()));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("code").asText()).isEqualTo("VALIDATION_FAILED");
  }

  @Test
  void countsPerTwoFactorStateAddUpToTheOrganization() {
    Org org = anOrganization();
    var reply =
        api.get(
            "/organizations/"
                + org.id()
                + "/two-factor-counts?minVersion="
                + q(org.last().version()),
            tokens.auditor(org.id()));
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.path("policyRequired").asBoolean()).isTrue();
    assertThat(body.path("total").asLong()).isEqualTo(9);
    JsonNode counts = body.path("counts");
    assertThat(counts.path("SETUP_REQUIRED").asLong()).isEqualTo(5);
    assertThat(counts.path("VERIFICATION_REQUIRED").asLong()).isEqualTo(2);
    assertThat(counts.path("EXEMPT").asLong()).isEqualTo(1);
    assertThat(counts.path("LOCKED").asLong()).isEqualTo(1);
    assertThat(counts.path("NOT_REQUIRED").asLong()).isZero();
  }

  @Test
  void countsAreForTheOrganizationsOwnAdminsAndAuditorsOnly() {
    Org org = anOrganization();
    var reply =
        api.get(
            "/organizations/" + org.id() + "/two-factor-counts",
            tokens.orgAdmin(newOrganization()));
    assertThat(reply.status()).isIn(403, 404);
  }
}
