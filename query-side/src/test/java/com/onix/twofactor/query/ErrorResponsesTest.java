package com.onix.twofactor.query;

import static com.onix.twofactor.query.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.onix.twofactor.query.testing.QueryClient;
import com.onix.twofactor.query.testing.QuerySideIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every error is a problem document with a stable code, also those Spring itself raises. */
class ErrorResponsesTest extends QuerySideIntegrationTest {

  @Test
  void unknownRouteIsRouteNotFound() {
    String org = newOrganization();

    QueryClient.Reply reply =
        api.get("/organizations/" + org + "/nothing-here", tokens.orgAdmin(org));

    assertProblem(reply, 404, "ROUTE_NOT_FOUND");
  }

  @Test
  void writeMethodOnAQueryIsMethodNotAllowed() {
    String org = newOrganization();

    QueryClient.Reply reply =
        api.send(
            "DELETE",
            "/organizations/" + org + "/two-factor-policy",
            "Bearer " + tokens.orgAdmin(org),
            QueryClient.JSON);

    assertProblem(reply, 405, "METHOD_NOT_ALLOWED");
    assertThat(reply.headers().firstValue("Allow"))
        .hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
  }

  @Test
  void unacceptableMediaTypeIsNotAcceptable() {
    String org = newOrganization();

    QueryClient.Reply reply =
        api.get(
            "/organizations/" + org + "/two-factor-policy",
            "Bearer " + tokens.orgAdmin(org),
            "text/html");

    assertProblem(reply, 406, "NOT_ACCEPTABLE");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/organizations/not-a-uuid/two-factor-policy",
        "/organizations/{org}/users/not-a-uuid",
        "/organizations/{org}/audit-events?userId=not-a-uuid"
      })
  void idThatIsNotAUuidIsInvalidId(String path) {
    String org = newOrganization();
    // Roles are checked on the path as written, first: the admin of "not-a-uuid" gets as far.
    String token = path.contains("{org}") ? tokens.orgAdmin(org) : tokens.orgAdmin("not-a-uuid");

    QueryClient.Reply reply = api.get(path.replace("{org}", org), token);

    assertProblem(reply, 400, "INVALID_ID");
  }

  /**
   * {@code UUID.fromString} also takes "1-2-3-4-5" (as 00000001-0002-0003-0004-000000000005): two
   * spellings of one id. Ids are canonical UUIDs only (StrictIdConversion).
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/organizations/1-2-3-4-5/two-factor-policy",
        "/organizations/{org}/users/1-2-3-4-5",
        "/organizations/{org}/audit-events?userId=1-2-3-4-5"
      })
  void idInANonCanonicalSpellingIsInvalidId(String path) {
    String org = newOrganization();
    // Roles are checked on the path as written (the admin of the canonical spelling is refused
    // 403 there): the admin of "1-2-3-4-5" gets as far as the id's conversion.
    String token = path.contains("{org}") ? tokens.orgAdmin(org) : tokens.orgAdmin("1-2-3-4-5");

    QueryClient.Reply reply = api.get(path.replace("{org}", org), token);

    assertProblem(reply, 400, "INVALID_ID");
  }

  @Test
  void requestIdIsEchoed() {
    String requestId = "req-" + UUID.randomUUID();

    QueryClient.Reply reply =
        api.send(
            "GET",
            "/sign-in/requirements",
            "Bearer " + tokens.signInService(),
            QueryClient.JSON,
            "X-Request-Id",
            requestId);

    assertThat(reply.headers().firstValue("X-Request-Id")).hasValue(requestId);
  }

  @Test
  void generatedRequestIdIsEchoedWhenNoneIsSent() {
    QueryClient.Reply reply = api.get("/actuator/health", null);

    assertThat(reply.headers().firstValue("X-Request-Id"))
        .hasValueSatisfying(id -> assertThat(id).isNotBlank());
  }

  @Test
  void refusalsEchoTheRequestIdToo() {
    QueryClient.Reply reply =
        api.send(
            "GET",
            "/sign-in/requirements?email=a%40b.org",
            null,
            QueryClient.JSON,
            "X-Request-Id",
            "r-1");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.headers().firstValue("X-Request-Id")).hasValue("r-1");
  }
}
