package com.onix.twofactor.command.web;

import static com.onix.twofactor.command.testing.ProblemAssertions.assertProblemDocument;
import static org.assertj.core.api.Assertions.assertThat;

import com.onix.twofactor.command.testing.CommandSideIntegrationTest;
import com.onix.twofactor.command.testing.Json;
import com.onix.twofactor.command.testing.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OperationalEndpointsHttpTest extends CommandSideIntegrationTest {

  @Test
  void healthIsUpWithoutAToken() {
    Response health = http.get("/actuator/health").send();

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("status").asText()).isEqualTo("UP");
  }

  @Test
  void otherActuatorEndpointsAreNotOpen() {
    Response env = http.get("/actuator/env").send();

    assertThat(env.status()).isIn(401, 404);
    assertProblemDocument(env);
  }

  @Test
  void anUnknownHealthComponentIsAProblemDocument() {
    for (String token : new String[] {null, tokens.platformOperator()}) {
      Response unknown = http.get("/actuator/health/no-such-component").token(token).send();

      assertThat(unknown.status()).as("%s", unknown).isEqualTo(404);
      assertThat(assertProblemDocument(unknown).path("code").asText()).isEqualTo("ROUTE_NOT_FOUND");
    }
  }

  @Test
  void theApiDocumentIsServedAsJson() {
    Response docs = http.get("/v3/api-docs").send();

    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.contentType()).startsWith("application/json");
    assertThat(docs.json().path("openapi").asText()).startsWith("3.");
  }

  @Test
  void swaggerUiIsOffUnlessEnabled() {
    for (String path : new String[] {"/swagger-ui.html", "/swagger-ui/index.html"}) {
      Response ui = http.get(path).send();

      assertThat(ui.status()).as("%s: %s", path, ui).isIn(401, 404);
      assertProblemDocument(ui);
    }
  }

  @Test
  void theApiDocumentListsTheCommandEndpoints() {
    var paths = http.get("/v3/api-docs").send().json().path("paths");

    assertThat(paths.path("/organizations").has("post")).isTrue();
    assertThat(paths.path("/organizations/{orgId}/users").has("post")).isTrue();
    assertThat(paths.path("/organizations/{orgId}/users/{userId}/sign-in-method").has("put"))
        .isTrue();
    assertThat(paths.path("/organizations/{orgId}/two-factor-policy").has("put")).isTrue();
  }

  @Test
  void aGivenRequestIdIsEchoed() {
    Response created =
        http.post("/organizations")
            .token(tokens.platformOperator())
            .header("X-Request-Id", "req-echo-1")
            .json(Json.of("name", "Acme"))
            .send();

    assertThat(created.header("X-Request-Id")).isEqualTo("req-echo-1");
  }

  @Test
  void aRequestIdIsGeneratedWhenNoneIsGiven() {
    Response created =
        http.post("/organizations")
            .token(tokens.platformOperator())
            .json(Json.of("name", "Acme"))
            .send();

    assertThat(UUID.fromString(created.header("X-Request-Id"))).isNotNull();
  }

  @Test
  void theRequestIdIsEchoedOnErrorsToo() {
    Response refused = http.post("/organizations").header("X-Request-Id", "req-echo-2").send();

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.header("X-Request-Id")).isEqualTo("req-echo-2");
  }

  @Test
  void theRequestIdIsEchoedOnA413() {
    Response refused =
        http.post("/organizations")
            .header("X-Request-Id", "req-echo-3")
            .json(Json.of("name", "x".repeat(70_000)))
            .send();

    assertThat(refused.status()).isEqualTo(413);
    assertThat(refused.header("X-Request-Id")).isEqualTo("req-echo-3");
  }
}
