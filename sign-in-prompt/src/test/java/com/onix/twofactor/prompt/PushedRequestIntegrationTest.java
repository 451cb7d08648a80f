package com.onix.twofactor.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onix.twofactor.support.security.OnixRole;
import com.onix.twofactor.support.testing.ContractDocument;
import com.onix.twofactor.support.testing.LocalSigningDataDirectory;
import com.onix.twofactor.support.testing.MovableClock;
import com.onix.twofactor.support.testing.MovableClockConfiguration;
import com.onix.twofactor.support.testing.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code POST /prompt-requests} through HTTP on the running prompt: who may push, where a browser
 * may be sent back to, and that the link it answers opens once and only within its 5 minutes.
 */
@SpringBootTest(
    classes = {SignInPromptApplication.class, MovableClockConfiguration.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PushedRequestIntegrationTest {

  static final String RETURN = "https://signin.onix.example/return";
  static final LocalSigningDataDirectory DATA =
      LocalSigningDataDirectory.create("onix-prompt-test-");

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    DATA.register(registry);
    registry.add("onix.prompt.redirect-uris", () -> RETURN + ", https://other.onix.example/back");
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired MovableClock clock;

  private final Tokens tokens = DATA.tokens();

  @Test
  void aPushFromTheSignInPageAnswersAOneTimePromptUrlValidForFiveMinutes() throws Exception {
    HttpResponse<String> pushed = push(signInToken(), body(RETURN));

    assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(201);
    JsonNode answer = JSON.readTree(pushed.body());
    assertThat(answer.get("request_uri").asText()).matches("urn:onix:prompt:[A-Za-z0-9_-]{43}");
    assertThat(answer.get("expires_in").asInt()).isEqualTo(300);
    assertThat(answer.get("prompt_url").asText())
        .startsWith("http://127.0.0.1:")
        .contains("/prompt?request_uri=urn%3Aonix%3Aprompt%3A");
  }

  @Test
  void thePushAndTheKeysAnswerTheSuccessStatusTheOpenApiDocumentStates() throws Exception {
    HttpResponse<String> docs = get("/v3/api-docs");
    var documented = ContractDocument.successStatusesOf(JSON.readTree(docs.body()));

    HttpResponse<String> pushed = push(signInToken(), body(RETURN));
    HttpResponse<String> keys = get("/.well-known/jwks.json");

    assertThat(pushed.statusCode())
        .as(pushed.body())
        .isEqualTo(documented.get("POST /prompt-requests"));
    assertThat(keys.statusCode())
        .as(keys.body())
        .isEqualTo(documented.get("GET /.well-known/jwks.json"));
  }

  @Test
  void aRedirectUriOffTheAllowListIsRefusedWithAProblem() throws Exception {
    for (String elsewhere :
        List.of(
            "https://evil.example/return",
            RETURN + "/",
            RETURN + "?next=https://evil.example",
            "HTTPS://signin.onix.example/return")) {
      HttpResponse<String> pushed = push(signInToken(), body(elsewhere));

      assertThat(pushed.statusCode()).as(elsewhere).isEqualTo(400);
      assertThat(pushed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(JSON.readTree(pushed.body()).get("code").asText())
          .isEqualTo("INVALID_REDIRECT_URI");
    }
  }

  @Test
  void everyAllowedRedirectUriIsAccepted() throws Exception {
    assertThat(push(signInToken(), body("https://other.onix.example/back")).statusCode())
        .isEqualTo(201);
  }

  @Test
  void aPushWithoutATokenIs401() throws Exception {
    HttpResponse<String> pushed = push(null, body(RETURN));

    assertThat(pushed.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(pushed.body()).get("code").asText()).isEqualTo("UNAUTHENTICATED");
  }

  @Test
  void aPushWithAnExpiredTokenIs401() throws Exception {
    String expired =
        tokens.mint("sign-in-page", null, Duration.ofSeconds(-60), OnixRole.SIGN_IN_SERVICE);

    assertThat(push(expired, body(RETURN)).statusCode()).isEqualTo(401);
  }

  @Test
  void aPushByAnyoneButTheSignInServiceIs403() throws Exception {
    String admin = tokens.mint("admin-1", "org-1", Duration.ofMinutes(5), OnixRole.ORG_ADMIN);

    HttpResponse<String> pushed = push(admin, body(RETURN));

    assertThat(pushed.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(pushed.body()).get("code").asText()).isEqualTo("FORBIDDEN");
  }

  @Test
  void aPushWithoutStateOrNonceIsRefusedWithTheFieldsNamed() throws Exception {
    HttpResponse<String> pushed =
        push(signInToken(), "{\"email\":\"ann@acme.example\",\"redirect_uri\":\"" + RETURN + "\"}");

    assertThat(pushed.statusCode()).isEqualTo(400);
    JsonNode problem = JSON.readTree(pushed.body());
    assertThat(problem.get("code").asText()).isEqualTo("VALIDATION_FAILED");
    assertThat(problem.get("errors").findValuesAsText("field")).contains("state", "nonce");
  }

  @Test
  void aPushWithAnUnknownFieldIsRefused() throws Exception {
    String body = body(RETURN).replace("}", ",\"scope\":\"admin\"}");

    HttpResponse<String> pushed = push(signInToken(), body);

    assertThat(pushed.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(pushed.body()).get("code").asText()).isEqualTo("UNKNOWN_FIELD");
  }

  @Test
  void thePromptUrlOpensOnceAndThenSaysItWasUsed() throws Exception {
    URI prompt = promptUrl();

    HttpResponse<String> first = open(prompt);
    assertThat(first.statusCode()).isEqualTo(303);
    assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/prompt/step");
    String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).startsWith("ONIX_PROMPT=").contains("HttpOnly").contains("SameSite=Lax");

    HttpResponse<String> second = open(prompt);
    assertThat(second.statusCode()).isEqualTo(410);
    assertThat(second.body()).contains("This sign-in link has expired or was already used");
  }

  @Test
  void thePromptUrlHasExpiredFiveMinutesAfterThePush() throws Exception {
    URI prompt = promptUrl();

    clock.advance(Duration.ofSeconds(301));

    HttpResponse<String> late = open(prompt);
    assertThat(late.statusCode()).isEqualTo(410);
    assertThat(late.body()).contains("This sign-in link has expired or was already used");
  }

  @Test
  void aMadeUpRequestUriShowsTheExpiredPage() throws Exception {
    HttpResponse<String> guessed =
        open(URI.create(base() + "/prompt?request_uri=urn%3Aonix%3Aprompt%3Aguess"));

    assertThat(guessed.statusCode()).isEqualTo(410);
    assertThat(guessed.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
  }

  @Test
  void aFormSentWithoutItsCsrfTokenIsNotActedOn() throws Exception {
    HttpResponse<String> forged =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base() + "/prompt/verify"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("code=123456"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(forged.statusCode()).isEqualTo(302);
    assertThat(forged.headers().firstValue("Location").orElseThrow()).endsWith("/prompt/expired");
  }

  @Test
  void theJwkSetPublishesTheResultKeyWithoutItsPrivatePart() throws Exception {
    HttpResponse<String> keys =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base() + "/.well-known/jwks.json")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(keys.statusCode()).isEqualTo(200);
    JsonNode key = JSON.readTree(keys.body()).get("keys").get(0);
    assertThat(key.get("kty").asText()).isEqualTo("EC");
    assertThat(key.get("crv").asText()).isEqualTo("P-256");
    assertThat(key.hasNonNull("kid")).isTrue();
    assertThat(key.has("d")).isFalse();
  }

  @Test
  void theDemoReturnPageRefusesAResultItCannotCheck() throws Exception {
    HttpResponse<String> forged =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base() + "/demo/return?state=s&result=e30.e30.e30"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.body()).contains("Not signed in").doesNotContain("Signed in:");
  }

  private URI promptUrl() throws Exception {
    HttpResponse<String> pushed = push(signInToken(), body(RETURN));
    assertThat(pushed.statusCode()).isEqualTo(201);
    return URI.create(JSON.readTree(pushed.body()).get("prompt_url").asText());
  }

  private HttpResponse<String> open(URI prompt) throws Exception {
    URI local = URI.create(base() + prompt.getRawPath() + "?" + prompt.getRawQuery());
    return HTTP.send(HttpRequest.newBuilder(local).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String signInToken() {
    return tokens.mint("sign-in-page", null, Duration.ofMinutes(10), OnixRole.SIGN_IN_SERVICE);
  }

  private static String body(String redirectUri) {
    return "{\"email\":\"ann@acme.example\",\"redirect_uri\":\""
        + redirectUri
        + "\",\"state\":\"st-1\",\"nonce\":\"n-1\"}";
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> push(String token, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base() + "/prompt-requests"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }
}
