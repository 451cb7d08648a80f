package com.onix.twofactor.command.web;

import static com.onix.twofactor.command.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.onix.twofactor.command.testing.CommandSideIntegrationTest;
import com.onix.twofactor.command.testing.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bodies over 64 KiB are refused as 413, however their size is announced. */
class BodyLimitHttpTest extends CommandSideIntegrationTest {

  private static final int LIMIT = 64 * 1024;

  /** Valid JSON just over the limit: only its size is wrong. */
  private static String bodyOver64KiB() {
    String body = Json.of("name", "x".repeat(LIMIT));
    assertThat(body.length()).isGreaterThan(LIMIT);
    return body;
  }

  @Test
  void aBodyOver64KiBWithContentLengthIs413() {
    var answer =
        http.post("/organizations").token(tokens.platformOperator()).json(bodyOver64KiB()).send();

    assertProblem(answer, 413, "PAYLOAD_TOO_LARGE");
  }

  @Test
  void aChunkedBodyOver64KiBIs413() {
    var answer =
        http.post("/organizations")
            .token(tokens.platformOperator())
            .chunkedJson(bodyOver64KiB())
            .send();

    assertProblem(answer, 413, "PAYLOAD_TOO_LARGE");
  }

  @Test
  void aChunkedBodyOver64KiBForAUserIs413() {
    String organizationId = registerOrganization();
    String body =
        Json.of(
            "email", uniqueEmail(), "displayName", "x".repeat(LIMIT), "signInMethod", "PASSWORD");

    var answer =
        http.post("/organizations/" + organizationId + "/users")
            .token(tokens.orgAdmin(organizationId))
            .chunkedJson(body)
            .send();

    assertProblem(answer, 413, "PAYLOAD_TOO_LARGE");
  }

  /** A form body is parsed by a filter before any controller, for PUT, PATCH and DELETE. */
  @ParameterizedTest
  @ValueSource(strings = {"PUT", "PATCH", "DELETE"})
  void aChunkedFormBodyOver64KiBIs413(String method) {
    String organizationId = registerOrganization();
    String form = "a=" + "x".repeat(LIMIT);

    var answer =
        http.method(method, "/organizations/" + organizationId + "/two-factor-policy")
            .token(tokens.orgAdmin(organizationId))
            .chunked("application/x-www-form-urlencoded", form)
            .send();

    assertProblem(answer, 413, "PAYLOAD_TOO_LARGE");
  }

  @Test
  void aChunkedBodyUnderTheLimitIsAccepted() {
    var answer =
        http.post("/organizations")
            .token(tokens.platformOperator())
            .chunkedJson(Json.of("name", "Acme"))
            .send();

    assertThat(answer.status()).as("%s", answer).isEqualTo(201);
  }
}
