package com.onix.twofactor.query.user;

import static com.onix.twofactor.query.testing.ProblemAssertions.assertProblem;
import static com.onix.twofactor.query.testing.QueryClient.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.onix.twofactor.kernel.emailcode.EmailCodesAllowed;
import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.query.testing.EventFeed;
import com.onix.twofactor.query.testing.QueryClient;
import com.onix.twofactor.query.testing.QuerySideIntegrationTest;
import com.onix.twofactor.query.testing.UserTwoFactorEvents;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /sign-in/requirements?email=: what the sign-in page must ask of this user. */
class SignInRequirementsEndpointTest extends QuerySideIntegrationTest {

  private QueryClient.Reply requirements(String email, EventFeed.Appended after) {
    return api.get(
        "/sign-in/requirements?email=" + q(email) + "&minVersion=" + q(after.version()),
        tokens.signInService());
  }

  private JsonNode requirementsOk(String email, EventFeed.Appended after) {
    QueryClient.Reply reply = requirements(email, after);
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/json");
    return reply.json();
  }

  @Test
  void passwordUserNeedsNoSecondFactor() {
    String org = newOrganization();
    NewUser user = newUser(org, SignInMethod.PASSWORD);

    JsonNode answer = requirementsOk(user.email(), user.registered());

    assertThat(answer.path("userId").asText()).isEqualTo(user.userId());
    assertThat(answer.path("organizationId").asText()).isEqualTo(org);
    assertThat(answer.path("signInMethod").asText()).isEqualTo("PASSWORD");
    assertThat(answer.path("twoFactor").asText()).isEqualTo("NOT_REQUIRED");
    assertThat(answer.path("methods").isArray()).isTrue();
    assertThat(answer.path("methods")).isEmpty();
    assertThat(answer.has("lockedUntil")).as("lockedUntil is part of the answer").isTrue();
    assertThat(answer.path("lockedUntil").isNull()).isTrue();
  }

  @Test
  void entraIdUserIsExempt() {
    String org = newOrganization();
    NewUser user = newUser(org, SignInMethod.ENTRA_ID);

    JsonNode answer = requirementsOk(user.email(), user.registered());

    assertThat(answer.path("signInMethod").asText()).isEqualTo("ENTRA_ID");
    assertThat(answer.path("twoFactor").asText()).isEqualTo("EXEMPT");
    assertThat(answer.path("methods")).isEmpty();
  }

  @Test
  void enabledPolicyRequiresSetup() {
    String org = newOrganization();
    NewUser user = newUser(org, SignInMethod.PASSWORD);
    EventFeed.Appended enabled = feed.policyEnabled(org);

    JsonNode answer = requirementsOk(user.email(), enabled);

    assertThat(answer.path("twoFactor").asText()).isEqualTo("SETUP_REQUIRED");
    assertThat(answer.path("methods")).extracting(JsonNode::asText).containsExactly("TOTP_SETUP");
  }

  @Test
  void anEnrolledUserMayAskForACodeByEmailOnceTheOrganizationAllowsIt() {
    String org = newOrganization();
    NewUser user = newUser(org, SignInMethod.PASSWORD);
    new UserTwoFactorEvents(feed, org, user.userId()).enroll();
    EventFeed.Appended allowed = feed.append("OrganizationPolicy", org, new EmailCodesAllowed(org));

    JsonNode answer = requirementsOk(user.email(), allowed);

    assertThat(answer.path("twoFactor").asText()).isEqualTo("VERIFICATION_REQUIRED");
    assertThat(answer.path("methods"))
        .extracting(JsonNode::asText)
        .containsExactly("TOTP", "EMAIL_CODE");
  }

  @Test
  void disabledPolicyRequiresNothingAgain() {
    String org = newOrganization();
    NewUser user = newUser(org, SignInMethod.PASSWORD);
    feed.policyEnabled(org);
    EventFeed.Appended disabled = feed.policyDisabled(org);

    JsonNode answer = requirementsOk(user.email(), disabled);

    assertThat(answer.path("twoFactor").asText()).isEqualTo("NOT_REQUIRED");
    assertThat(answer.path("methods")).isEmpty();
  }

  @Test
  void switchToEntraIdMakesTheUserExemptDespiteThePolicy() {
    String org = newOrganization();
    NewUser user = newUser(org, SignInMethod.PASSWORD);
    feed.policyEnabled(org);
    EventFeed.Appended changed =
        feed.signInMethodChanged(org, user.userId(), SignInMethod.PASSWORD, SignInMethod.ENTRA_ID);

    JsonNode answer = requirementsOk(user.email(), changed);

    assertThat(answer.path("signInMethod").asText()).isEqualTo("ENTRA_ID");
    assertThat(answer.path("twoFactor").asText()).isEqualTo("EXEMPT");
    assertThat(answer.path("methods")).isEmpty();
  }

  @Test
  void switchBackToPasswordUnderThePolicyRequiresSetup() {
    String org = newOrganization();
    NewUser user = newUser(org, SignInMethod.ENTRA_ID);
    feed.policyEnabled(org);
    EventFeed.Appended changed =
        feed.signInMethodChanged(org, user.userId(), SignInMethod.ENTRA_ID, SignInMethod.PASSWORD);

    JsonNode answer = requirementsOk(user.email(), changed);

    assertThat(answer.path("signInMethod").asText()).isEqualTo("PASSWORD");
    assertThat(answer.path("twoFactor").asText()).isEqualTo("SETUP_REQUIRED");
  }

  @Test
  void anotherOrganizationsPolicyDoesNotApply() {
    String org = newOrganization();
    String otherOrg = newOrganization();
    NewUser user = newUser(org, SignInMethod.PASSWORD);
    EventFeed.Appended otherEnabled = feed.policyEnabled(otherOrg);

    JsonNode answer = requirementsOk(user.email(), otherEnabled);

    assertThat(answer.path("twoFactor").asText()).isEqualTo("NOT_REQUIRED");
  }

  @Test
  void emailLookupIgnoresCase() {
    String org = newOrganization();
    String local = "Mixed.Case-" + UUID.randomUUID().toString().substring(0, 8);
    NewUser user = newUser(org, SignInMethod.PASSWORD, local + "@Example.ORG");

    JsonNode lower = requirementsOk(user.email().toLowerCase(), user.registered());
    JsonNode upper = requirementsOk(user.email().toUpperCase(), user.registered());
    JsonNode asRegistered = requirementsOk(user.email(), user.registered());

    assertThat(lower.path("userId").asText()).isEqualTo(user.userId());
    assertThat(upper.path("userId").asText()).isEqualTo(user.userId());
    assertThat(asRegistered.path("userId").asText()).isEqualTo(user.userId());
  }

  @Test
  void unknownEmailIsUnknownUser() {
    String org = newOrganization();
    NewUser someone = newUser(org, SignInMethod.PASSWORD);

    QueryClient.Reply reply =
        requirements("nobody-" + UUID.randomUUID() + "@example.org", someone.registered());

    assertProblem(reply, 404, "UNKNOWN_USER");
  }

  @Test
  void missingEmailIsAValidationFailure() {
    QueryClient.Reply reply = api.get("/sign-in/requirements", tokens.signInService());

    assertProblem(reply, 400, "VALIDATION_FAILED");
  }
}
