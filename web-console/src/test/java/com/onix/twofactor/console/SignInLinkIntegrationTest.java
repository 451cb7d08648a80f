package com.onix.twofactor.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onix.twofactor.support.security.OnixRole;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded default's sign-in, through HTTP on the running console: who may ask for a link, that
 * it opens once and only within its 5 minutes, and what the session it starts looks like.
 */
@SpringBootTest(
    classes = {WebConsoleApplication.class, MovableClockConfiguration.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInLinkIntegrationTest {

  static final LocalSigningDataDirectory DATA =
      LocalSigningDataDirectory.create("onix-console-test-");

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    DATA.register(registry);
    registry.add("onix.console.oidc.issuer", () -> "");
    // No API listens on port 1: pages that ask one show that it is unavailable.
    registry.add("onix.console.query-url", () -> "http://127.0.0.1:1");
    registry.add("onix.console.command-url", () -> "http://127.0.0.1:1");
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired MovableClock clock;

  private final Tokens tokens = DATA.tokens();

  @BeforeEach
  void now() {
    clock.reset();
  }

  @Test
  void anAdminsTokenBuysALinkThatOpensOnceIntoAnHttpOnlySameSiteSession() throws Exception {
    URI link = link(token("ORG_ADMIN", "org-1", Duration.ofHours(1)));

    HttpResponse<String> first = get(link, null);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("Signing you in").contains("href=\"/users\"");
    String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).startsWith("ONIX_CONSOLE=").contains("HttpOnly").contains("SameSite=Lax");
    assertThat(cookie).doesNotContain("Secure"); // plain HTTP here; over TLS Tomcat adds it

    HttpResponse<String> second = get(link, null);
    assertThat(second.statusCode()).isEqualTo(410);
    assertThat(second.body()).contains("This sign-in link has expired or was already used");
  }

  @Test
  void aLinkHasExpiredFiveMinutesAfterItWasAskedFor() throws Exception {
    URI link = link(token("AUDITOR", "org-1", Duration.ofHours(1)));

    clock.advance(Duration.ofSeconds(301));

    assertThat(get(link, null).statusCode()).isEqualTo(410);
  }

  @Test
  void aTokenForNeitherAnAdminNorAnAuditorGetsNoLink() throws Exception {
    for (String token :
        List.of(
            token("SIGN_IN_SERVICE", null, Duration.ofHours(1)),
            token("ORG_ADMIN", null, Duration.ofHours(1)),
            token("USER", "org-1", Duration.ofHours(1)))) {
      HttpResponse<String> pushed = push(token);

      assertThat(pushed.statusCode()).isEqualTo(403);
      assertThat(JSON.readTree(pushed.body()).get("code").asText()).isEqualTo("FORBIDDEN");
    }
  }

  @Test
  void noTokenOrAnExpiredOneIs401() throws Exception {
    assertThat(push(null).statusCode()).isEqualTo(401);
    HttpResponse<String> expired = push(token("ORG_ADMIN", "org-1", Duration.ofSeconds(-60)));
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(expired.body()).get("code").asText()).isEqualTo("UNAUTHENTICATED");
  }

  @Test
  void thePagesSendSomeoneNotSignedInToSignIn() throws Exception {
    HttpResponse<String> page = get(URI.create(base() + "/users"), null);

    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in");
    HttpResponse<String> signIn = get(URI.create(base() + "/sign-in"), null);
    assertThat(signIn.body()).contains("./onix console-link --role ORG_ADMIN");
  }

  @Test
  void theSessionEndsWhenItsTokenExpires() throws Exception {
    String session = signIn(token("ORG_ADMIN", "org-1", Duration.ofHours(1)));

    clock.advance(Duration.ofHours(2));

    HttpResponse<String> page = get(URI.create(base() + "/users"), session);
    assertThat(page.headers().firstValue("Location").orElseThrow())
        .endsWith("/signed-out?reason=ended");
  }

  @Test
  void aFormSentWithoutItsCsrfTokenChangesNothing() throws Exception {
    String session = signIn(token("ORG_ADMIN", "org-1", Duration.ofHours(1)));

    HttpResponse<String> forged =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base() + "/sign-out"))
                .header("Cookie", session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(""))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(forged.statusCode()).isEqualTo(302);
    assertThat(forged.headers().firstValue("Location").orElseThrow())
        .endsWith("/signed-out?reason=ended");
    // Still signed in: the page asks the APIs (absent here), instead of sending to sign-in.
    HttpResponse<String> page = get(URI.create(base() + "/users"), session);
    assertThat(page.statusCode()).isEqualTo(503);
    assertThat(page.body()).contains("briefly unavailable").doesNotContain("{");
  }

  @Test
  void theConsolesMetricsAreNotForAnAdmin() throws Exception {
    HttpRequest.Builder asAdmin =
        HttpRequest.newBuilder(URI.create(base() + "/actuator/prometheus"))
            .header("Authorization", "Bearer " + token("ORG_ADMIN", "org-1", Duration.ofHours(1)));
    assertThat(HTTP.send(asAdmin.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(403);
  }

  @Test
  void anUnknownPageIsAPageNotJson() throws Exception {
    String session = signIn(token("AUDITOR", "org-1", Duration.ofHours(1)));

    HttpResponse<String> page = get(URI.create(base() + "/no/such/page"), session);

    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.body()).contains("There is no such page");
  }

  private String signIn(String token) throws Exception {
    HttpResponse<String> opened = get(link(token), null);
    String cookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
    return cookie.substring(0, cookie.indexOf(';'));
  }

  private URI link(String token) throws Exception {
    HttpResponse<String> pushed = push(token);
    assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(201);
    JsonNode answer = JSON.readTree(pushed.body());
    assertThat(answer.get("expires_in").asInt()).isEqualTo(300);
    URI url = URI.create(answer.get("url").asText());
    assertThat(url.getPath()).isEqualTo("/sign-in/link");
    // The public URL names the configured port (0 in this test): open it where the test runs.
    return URI.create(base() + url.getPath() + "?" + url.getQuery());
  }

  private HttpResponse<String> push(String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base() + "/sign-in-links"))
            .POST(HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(URI uri, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String token(String role, String org, Duration ttl) {
    return tokens.mint("person-1", org, ttl, OnixRole.valueOf(role));
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }
}
