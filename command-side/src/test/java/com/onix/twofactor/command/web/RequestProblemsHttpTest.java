package com.onix.twofactor.command.web;

import static com.onix.twofactor.command.testing.ProblemAssertions.assertProblem;
import static com.onix.twofactor.command.testing.ProblemAssertions.assertProblemDocument;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.onix.twofactor.command.testing.CommandSideIntegrationTest;
import com.onix.twofactor.command.testing.Json;
import com.onix.twofactor.command.testing.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every way a request can be wrong answers a problem document with a stable code. */
class RequestProblemsHttpTest extends CommandSideIntegrationTest {

  private String organizationId;

  @BeforeEach
  void organization() {
    organizationId = registerOrganization();
  }

  private Response postUserBody(String body) {
    return http.post("/organizations/" + organizationId + "/users")
        .token(tokens.orgAdmin(organizationId))
        .json(body)
        .send();
  }

  private Response postOrganizationBody(String body) {
    return http.post("/organizations").token(tokens.platformOperator()).json(body).send();
  }

  private static List<String> fieldsIn(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
    return fields;
  }

  // --- validation ---------------------------------------------------------------------------

  @Test
  void aBadEmailIs400ValidationFailedNamingTheEmailField() {
    Response answer =
        postUserBody(
            Json.of("email", "not-an-email", "displayName", "Ann", "signInMethod", "PASSWORD"));

    JsonNode problem = assertProblem(answer, 400, "VALIDATION_FAILED");
    assertThat(fieldsIn(problem)).containsExactly("email");
  }

  @Test
  void anEmailLongerThan254CharactersIs400ValidationFailed() {
    String tooLong = "a".repeat(250) + "@example.org";

    Response answer =
        postUserBody(Json.of("email", tooLong, "displayName", "Ann", "signInMethod", "PASSWORD"));

    JsonNode problem = assertProblem(answer, 400, "VALIDATION_FAILED");
    assertThat(fieldsIn(problem)).contains("email");
  }

  @Test
  void theRefusedEmailIsNotEchoedBack() {
    Response answer =
        postUserBody(
            Json.of(
                "email", "secret-looking-value", "displayName", "Ann", "signInMethod", "PASSWORD"));

    assertThat(answer.body()).doesNotContain("secret-looking-value");
  }

  @Test
  void anUnknownEnumValueIs400ValidationFailedNamingTheField() {
    Response answer =
        postUserBody(Json.of("email", uniqueEmail(), "displayName", "Ann", "signInMethod", "SMS"));

    JsonNode problem = assertProblem(answer, 400, "VALIDATION_FAILED");
    assertThat(fieldsIn(problem)).containsExactly("signInMethod");
  }

  @Test
  void anEnumValueInTheWrongCaseIs400ValidationFailed() {
    Response answer =
        postUserBody(
            Json.of("email", uniqueEmail(), "displayName", "Ann", "signInMethod", "password"));

    assertProblem(answer, 400, "VALIDATION_FAILED");
  }

  @Test
  void aMissingFieldIs400ValidationFailedNamingTheField() {
    Response answer = postUserBody(Json.of("email", uniqueEmail(), "displayName", "Ann"));

    JsonNode problem = assertProblem(answer, 400, "VALIDATION_FAILED");
    assertThat(fieldsIn(problem)).containsExactly("signInMethod");
  }

  @Test
  void aBlankNameIs400ValidationFailed() {
    JsonNode problem =
        assertProblem(postOrganizationBody(Json.of("name", "   ")), 400, "VALIDATION_FAILED");

    assertThat(fieldsIn(problem)).containsExactly("name");
  }

  @Test
  void aMissingPolicyValueIs400ValidationFailed() {
    Response answer =
        http.put("/organizations/" + organizationId + "/two-factor-policy")
            .token(tokens.orgAdmin(organizationId))
            .json("{}")
            .send();

    JsonNode problem = assertProblem(answer, 400, "VALIDATION_FAILED");
    assertThat(fieldsIn(problem)).containsExactly("required");
  }

  @Test
  void aPolicyValueOfTheWrongTypeIs400ValidationFailed() {
    Response answer =
        http.put("/organizations/" + organizationId + "/two-factor-policy")
            .token(tokens.orgAdmin(organizationId))
            .json("{\"required\":\"yes\"}")
            .send();

    JsonNode problem = assertProblem(answer, 400, "VALIDATION_FAILED");
    assertThat(fieldsIn(problem)).containsExactly("required");
  }

  @Test
  void anUnknownFieldIs400UnknownField() {
    Response answer = postOrganizationBody(Json.of("name", "Acme", "plan", "gold"));

    JsonNode problem = assertProblem(answer, 400, "UNKNOWN_FIELD");
    assertThat(problem.path("field").asText()).isEqualTo("plan");
  }

  // --- syntax -------------------------------------------------------------------------------

  @Test
  void malformedJsonIs400MalformedJson() {
    assertProblem(postOrganizationBody("{\"name\": \"Acme\""), 400, "MALFORMED_JSON");
  }

  @Test
  void aDuplicateKeyIs400MalformedJson() {
    assertProblem(
        postOrganizationBody("{\"name\":\"Acme\",\"name\":\"Other\"}"), 400, "MALFORMED_JSON");
  }

  @Test
  void aDuplicateKeyInsideAUserRegistrationIs400MalformedJson() {
    String body =
        "{\"email\":\"%s\",\"displayName\":\"Ann\",\"displayName\":\"Bob\",\"signInMethod\":\"PASSWORD\"}"
            .formatted(uniqueEmail());

    assertProblem(postUserBody(body), 400, "MALFORMED_JSON");
  }

  @Test
  void trailingContentAfterTheJsonIs400MalformedJson() {
    assertProblem(postOrganizationBody("{\"name\":\"Acme\"} {}"), 400, "MALFORMED_JSON");
  }

  @Test
  void anEmptyBodyIs400() {
    Response answer = http.post("/organizations").token(tokens.platformOperator()).json("").send();

    assertThat(answer.status()).isEqualTo(400);
    assertProblemDocument(answer);
  }

  @Test
  void aJsonArrayInsteadOfAnObjectIs400() {
    Response answer = postOrganizationBody("[\"Acme\"]");

    assertThat(answer.status()).isEqualTo(400);
    assertProblemDocument(answer);
  }

  // --- ids in paths -------------------------------------------------------------------------

  @Test
  void aPathIdThatIsNoUuidIs400InvalidId() {
    Response answer =
        http.put("/organizations/not-a-uuid/two-factor-policy")
            .token(tokens.orgAdmin("not-a-uuid"))
            .json(Json.of("required", true))
            .send();

    assertProblem(answer, 400, "INVALID_ID");
  }

  @Test
  void aShortFormUuidInThePathIs400InvalidId() {
    Response answer =
        http.put("/organizations/1-2-3-4-5/two-factor-policy")
            .token(tokens.orgAdmin("1-2-3-4-5"))
            .json(Json.of("required", true))
            .send();

    assertProblem(answer, 400, "INVALID_ID");
  }

  @Test
  void aUserIdThatIsNoUuidIs400InvalidId() {
    Response answer =
        http.put("/organizations/" + organizationId + "/users/12345/sign-in-method")
            .token(tokens.orgAdmin(organizationId))
            .json(Json.of("signInMethod", "PASSWORD"))
            .send();

    assertProblem(answer, 400, "INVALID_ID");
  }

  @Test
  void aShortFormUserIdInThePathIs400InvalidId() {
    Response answer =
        http.put("/organizations/" + organizationId + "/users/1-2-3-4-5/sign-in-method")
            .token(tokens.orgAdmin(organizationId))
            .json(Json.of("signInMethod", "PASSWORD"))
            .send();

    assertProblem(answer, 400, "INVALID_ID");
  }

  @Test
  void anEncodedSlashInThePathIsAProblemDocumentNotTomcatsHtmlPage() {
    Response answer =
        http.put("/organizations/a%2Fb/two-factor-policy")
            .token(tokens.orgAdmin(organizationId))
            .json(Json.of("required", true))
            .send();

    assertThat(answer.status()).as("%s", answer).isEqualTo(400);
    assertProblemDocument(answer);
  }

  @Test
  void aPathWithADoubleSlashIsAProblemDocument() {
    Response answer =
        http.post("//organizations")
            .token(tokens.platformOperator())
            .json(Json.of("name", "Acme"))
            .send();

    assertThat(answer.status()).as("%s", answer).isEqualTo(400);
    assertProblemDocument(answer);
  }

  // --- routes, methods, media types ---------------------------------------------------------

  @Test
  void anUnknownRouteIs404RouteNotFound() {
    assertProblem(
        http.get("/no-such-route").token(tokens.platformOperator()).send(), 404, "ROUTE_NOT_FOUND");
  }

  @Test
  void aRouteOfTheQuerySideIs404RouteNotFoundHere() {
    Response answer =
        http.get("/organizations/" + organizationId + "/audit-events")
            .token(tokens.orgAdmin(organizationId))
            .send();

    assertProblem(answer, 404, "ROUTE_NOT_FOUND");
  }

  @Test
  void aWrongMethodIs405MethodNotAllowedWithAllow() {
    Response answer =
        http.method("DELETE", "/organizations").token(tokens.platformOperator()).send();

    assertProblem(answer, 405, "METHOD_NOT_ALLOWED");
    assertThat(answer.header("Allow")).contains("POST");
  }

  @Test
  void getOnThePolicyIs405HereBecauseReadsAreTheQuerySides() {
    Response answer =
        http.get("/organizations/" + organizationId + "/two-factor-policy")
            .token(tokens.orgAdmin(organizationId))
            .send();

    assertProblem(answer, 405, "METHOD_NOT_ALLOWED");
  }

  @Test
  void aBodyThatIsNotJsonIs415UnsupportedMediaType() {
    Response answer =
        http.post("/organizations")
            .token(tokens.platformOperator())
            .body("text/plain", "name=Acme")
            .send();

    assertProblem(answer, 415, "UNSUPPORTED_MEDIA_TYPE");
  }

  @Test
  void aMediaRangeAsContentTypeIs415UnsupportedMediaType() {
    for (String range : new String[] {"*/*", "application/*", "*/*; charset=UTF-8"}) {
      Response answer =
          http.post("/organizations")
              .token(tokens.platformOperator())
              .body(range, Json.of("name", "Acme"))
              .send();

      assertProblem(answer, 415, "UNSUPPORTED_MEDIA_TYPE");
    }
  }

  @Test
  void aMediaRangeAsContentTypeIsStill403ForAWrongRole() {
    Response answer =
        http.post("/organizations")
            .token(tokens.orgAdmin(organizationId))
            .body("*/*", Json.of("name", "Acme"))
            .send();

    assertProblem(answer, 403, "FORBIDDEN");
  }

  @Test
  void aBodyWithoutContentTypeIs415UnsupportedMediaType() {
    Response answer =
        http.post("/organizations")
            .token(tokens.platformOperator())
            .body(null, Json.of("name", "Acme"))
            .send();

    assertProblem(answer, 415, "UNSUPPORTED_MEDIA_TYPE");
  }

  @Test
  void askingForAnythingButJsonIs406AsAProblem() {
    Response answer =
        http.post("/organizations")
            .token(tokens.platformOperator())
            .header("Accept", "text/html")
            .json(Json.of("name", "Acme"))
            .send();

    assertThat(answer.status()).isEqualTo(406);
    assertProblemDocument(answer);
  }

  // --- unknown things -------------------------------------------------------------------------

  @Test
  void anUnknownUserIs404UnknownUser() {
    Response answer =
        http.put(
                "/organizations/"
                    + organizationId
                    + "/users/"
                    + UUID.randomUUID()
                    + "/sign-in-method")
            .token(tokens.orgAdmin(organizationId))
            .json(Json.of("signInMethod", "ENTRA_ID"))
            .send();

    assertProblem(answer, 404, "UNKNOWN_USER");
  }
}
