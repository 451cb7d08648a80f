package com.onix.twofactor.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.onix.twofactor.query.testing.QueryClient;
import com.onix.twofactor.query.testing.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;

/** What operators and client developers reach without a token: health and the API docs. */
class OperationalEndpointsTest extends QuerySideIntegrationTest {

  @Test
  void healthAnswersWithoutAToken() {
    QueryClient.Reply reply = api.get("/actuator/health", null);

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.json().path("status").asText()).isEqualTo("UP");
  }

  @Test
  void apiDocsAnswerWithoutAToken() {
    QueryClient.Reply reply = api.get("/v3/api-docs", null);

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.json().path("openapi").asText()).isNotBlank();
  }

  @Test
  void apiDocsDescribeEveryQueryEndpoint() {
    JsonNode paths = api.get("/v3/api-docs", null).json().path("paths");

    assertThat(paths.fieldNames())
        .toIterable()
        .contains(
            "/sign-in/requirements",
            "/organizations/{orgId}/users",
            "/organizations/{orgId}/users/{userId}",
            "/organizations/{orgId}/two-factor-policy",
            "/organizations/{orgId}/audit-events");
  }

  @Test
  void otherActuatorEndpointsNeedAToken() {
    QueryClient.Reply reply = api.get("/actuator/env", null);

    assertThat(reply.status()).as("%s", reply).isIn(401, 404);
    assertThat(reply.contentType()).startsWith("application/problem+json");
  }
}
