package com.onix.twofactor.query.organization;

import static com.onix.twofactor.query.testing.ProblemAssertions.assertProblem;
import static com.onix.twofactor.query.testing.QueryClient.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.onix.twofactor.kernel.emailcode.EmailCodesAllowed;
import com.onix.twofactor.kernel.emailcode.EmailCodesDisallowed;
import com.onix.twofactor.query.testing.EventFeed;
import com.onix.twofactor.query.testing.QueryClient;
import com.onix.twofactor.query.testing.QuerySideIntegrationTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /organizations/{orgId}/two-factor-policy: the policy, and who set it when. */
class PolicyEndpointTest extends QuerySideIntegrationTest {

  private JsonNode policy(String org, EventFeed.Appended after, String token) {
    QueryClient.Reply reply =
        api.get(
            "/organizations/" + org + "/two-factor-policy?minVersion=" + q(after.version()), token);
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/json");
    return reply.json();
  }

  @Test
  void newOrganizationsPolicyIsOffAsSetByWhoeverRegisteredIt() {
    String org = UUID.randomUUID().toString();
    EventFeed.Actor operator = EventFeed.Actor.of("operator-1", "PLATFORM_OPERATOR");
    EventFeed.Appended registered = feed.as(operator).organizationRegistered(org, "Acme");

    JsonNode answer = policy(org, registered, tokens.orgAdmin(org));

    assertThat(answer.path("required").isBoolean()).isTrue();
    assertThat(answer.path("required").asBoolean()).isFalse();
    assertThat(Instant.parse(answer.path("changedAt").asText())).isEqualTo(registered.timestamp());
    assertThat(answer.path("changedBy").asText()).isEqualTo("operator-1");
  }

  @Test
  void enabledPolicyShowsWhoEnabledItAndWhen() {
    String org = newOrganization();
    EventFeed.Actor admin = EventFeed.Actor.of(UUID.randomUUID().toString(), "ORG_ADMIN");
    EventFeed.Appended enabled = feed.as(admin).policyEnabled(org);

    JsonNode answer = policy(org, enabled, tokens.orgAdmin(org));

    assertThat(answer.path("required").asBoolean()).isTrue();
    assertThat(Instant.parse(answer.path("changedAt").asText())).isEqualTo(enabled.timestamp());
    assertThat(answer.path("changedBy").asText()).isEqualTo(admin.id());
  }

  @Test
  void disabledPolicyShowsWhoDisabledItAndWhen() {
    String org = newOrganization();
    feed.policyEnabled(org);
    EventFeed.Actor admin = EventFeed.Actor.of(UUID.randomUUID().toString(), "ORG_ADMIN");
    EventFeed.Appended disabled = feed.as(admin).policyDisabled(org);

    JsonNode answer = policy(org, disabled, tokens.orgAdmin(org));

    assertThat(answer.path("required").asBoolean()).isFalse();
    assertThat(Instant.parse(answer.path("changedAt").asText())).isEqualTo(disabled.timestamp());
    assertThat(answer.path("changedBy").asText()).isEqualTo(admin.id());
  }

  @Test
  void codesByEmailAreOffForANewOrganization() {
    String org = UUID.randomUUID().toString();
    EventFeed.Appended registered = feed.organizationRegistered(org, "Acme");

    JsonNode answer = policy(org, registered, tokens.orgAdmin(org));

    assertThat(answer.path("emailCodesAllowed").isBoolean()).isTrue();
    assertThat(answer.path("emailCodesAllowed").asBoolean()).isFalse();
  }

  @Test
  void allowedCodesByEmailShowWithWhoAllowedThemAndKeepTheRequiredSetting() {
    String org = newOrganization();
    feed.policyEnabled(org);
    EventFeed.Actor admin = EventFeed.Actor.of(UUID.randomUUID().toString(), "ORG_ADMIN");
    EventFeed.Appended allowed =
        feed.as(admin).append("OrganizationPolicy", org, new EmailCodesAllowed(org));

    JsonNode answer = policy(org, allowed, tokens.orgAdmin(org));

    assertThat(answer.path("emailCodesAllowed").asBoolean()).isTrue();
    assertThat(answer.path("required").asBoolean()).isTrue();
    assertThat(answer.path("changedBy").asText()).isEqualTo(admin.id());
  }

  @Test
  void disallowedCodesByEmailShowOff() {
    String org = newOrganization();
    feed.append("OrganizationPolicy", org, new EmailCodesAllowed(org));
    EventFeed.Appended disallowed =
        feed.append("OrganizationPolicy", org, new EmailCodesDisallowed(org));

    JsonNode answer = policy(org, disallowed, tokens.orgAdmin(org));

    assertThat(answer.path("emailCodesAllowed").asBoolean()).isFalse();
  }

  @Test
  void auditorMayReadThePolicy() {
    String org = newOrganization();
    EventFeed.Appended enabled = feed.policyEnabled(org);

    JsonNode answer = policy(org, enabled, tokens.auditor(org));

    assertThat(answer.path("required").asBoolean()).isTrue();
  }

  @Test
  void unknownOrganizationIsUnknownOrganization() {
    String org = UUID.randomUUID().toString();

    QueryClient.Reply reply =
        api.get("/organizations/" + org + "/two-factor-policy", tokens.orgAdmin(org));

    assertProblem(reply, 404, "UNKNOWN_ORGANIZATION");
  }
}
