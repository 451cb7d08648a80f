package com.onix.twofactor.query.consistency;

import static com.onix.twofactor.query.testing.ProblemAssertions.assertProblem;
import static com.onix.twofactor.query.testing.QueryClient.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.query.testing.EventFeed;
import com.onix.twofactor.query.testing.QueryClient;
import com.onix.twofactor.query.testing.QuerySideIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ?minVersion=<aggregateId>:<version>: read-your-writes on every query. */
class MinVersionEndpointTest extends QuerySideIntegrationTest {

  @Test
  void versionNeverAppliedAnswersNotYetConsistentAfterFiveSeconds() {
    String org = newOrganization();
    NewUser user = newUser(org, SignInMethod.PASSWORD);
    String notYetAppended = user.userId() + ":1";

    QueryClient.Reply reply =
        api.get(
            "/organizations/"
                + org
                + "/users/"
                + user.userId()
                + "?minVersion="
                + q(notYetAppended),
            tokens.orgAdmin(org));

    assertProblem(reply, 503, "NOT_YET_CONSISTENT");
    assertThat(reply.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(4900));
    assertThat(reply.elapsed()).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void queryWaitsForAVersionAppendedWhileItWaits() throws Exception {
    String org = newOrganization();
    NewUser user = newUser(org, SignInMethod.PASSWORD);
    String token = tokens.signInService();
    // The policy change will be the organization's version 1; ask for it before it exists.
    CompletableFuture<QueryClient.Reply> pending =
        CompletableFuture.supplyAsync(
            () ->
                api.get(
                    "/sign-in/requirements?email="
                        + q(user.email())
                        + "&minVersion="
                        + q(org + ":1"),
                    token));
    // Give the waiting query a head start of one round trip before the event is appended.
    api.get(
        "/organizations/" + org + "/two-factor-policy?minVersion=" + q(org + ":0"),
        tokens.orgAdmin(org));

    EventFeed.Appended enabled = feed.policyEnabled(org);
    QueryClient.Reply reply = pending.get(10, TimeUnit.SECONDS);

    assertThat(enabled.version()).isEqualTo(org + ":1");
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.json().path("twoFactor").asText()).isEqualTo("SETUP_REQUIRED");
  }

  @Test
  void versionAlreadyAppliedAnswersAtOnce() {
    String org = newOrganization();
    EventFeed.Appended enabled = feed.policyEnabled(org);
    api.get(
        "/organizations/" + org + "/two-factor-policy?minVersion=" + q(enabled.version()),
        tokens.orgAdmin(org));

    QueryClient.Reply reply =
        api.get(
            "/organizations/" + org + "/two-factor-policy?minVersion=" + q(org + ":0"),
            tokens.orgAdmin(org));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("required").asBoolean()).isTrue();
    assertThat(reply.elapsed()).isLessThan(QueryClient.PROMPTLY);
  }

  static List<Arguments> malformedOnEveryEndpoint() {
    List<String> malformed =
        List.of(
            "garbage",
            UUID.randomUUID() + ":",
            UUID.randomUUID() + ":-1",
            UUID.randomUUID() + ":one",
            "not-a-uuid:3",
            ":3");
    List<String> endpoints = List.of("SIGN_IN", "USERS", "USER", "POLICY", "AUDIT");
    List<Arguments> cases = new ArrayList<>();
    for (String endpoint : endpoints) {
      for (String value : malformed) {
        cases.add(Arguments.of(endpoint, value));
      }
    }
    return cases;
  }

  @ParameterizedTest(name = "{0} minVersion={1}")
  @MethodSource("malformedOnEveryEndpoint")
  void malformedMinVersionIsAValidationFailure(String endpoint, String minVersion) {
    String org = newOrganization();
    NewUser user = newUser(org, SignInMethod.PASSWORD);
    String path =
        switch (endpoint) {
          case "SIGN_IN" -> "/sign-in/requirements?email=" + q(user.email()) + "&";
          case "USERS" -> "/organizations/" + org + "/users?";
          case "USER" -> "/organizations/" + org + "/users/" + user.userId() + "?";
          case "POLICY" -> "/organizations/" + org + "/two-factor-policy?";
          case "AUDIT" -> "/organizations/" + org + "/audit-events?";
          default -> throw new IllegalArgumentException(endpoint);
        };
    String token = endpoint.equals("SIGN_IN") ? tokens.signInService() : tokens.orgAdmin(org);

    QueryClient.Reply reply = api.get(path + "minVersion=" + q(minVersion), token);

    assertProblem(reply, 400, "VALIDATION_FAILED");
    assertThat(reply.elapsed()).isLessThan(QueryClient.PROMPTLY);
  }
}
