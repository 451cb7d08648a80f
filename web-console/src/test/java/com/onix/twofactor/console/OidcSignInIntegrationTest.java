package com.onix.twofactor.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.onix.twofactor.support.security.DevTokens;
import com.onix.twofactor.support.security.LocalSigningKey;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Production sign-in against an identity provider that runs in the test (discovery, JWK set, token
 * endpoint; its authorization endpoint is the test itself): the console sends the browser there
 * with PKCE, redeems the code with the verifier, and signs in the person its access token names, by
 * the same claims the APIs read.
 */
@SpringBootTest(
    classes = WebConsoleApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcSignInIntegrationTest {

  static final Path DATA;
  static final RSAKey KEY;
  static final HttpServer PROVIDER;
  static final String ISSUER;
  static final String CLIENT = "onix-console";

  /** What the provider's token endpoint hands out next, by authorization code. */
  static final Map<String, Grant> GRANTS = new ConcurrentHashMap<>();

  record Grant(String challenge, String nonce, String accessToken, String[] verifierSeen) {}

  static {
    try {
      DATA = Files.createTempDirectory("onix-console-oidc-");
      KEY = LocalSigningKey.loadOrCreate(DATA);
      PROVIDER = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      ISSUER = "http://127.0.0.1:" + PROVIDER.getAddress().getPort();
      PROVIDER.createContext(
          "/.well-known/openid-configuration", OidcSignInIntegrationTest::discovery);
      PROVIDER.createContext(
          "/jwks", exchange -> json(exchange, new JWKSet(KEY.toPublicJWK()).toString()));
      PROVIDER.createContext("/token", OidcSignInIntegrationTest::token);
      PROVIDER.start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("onix.data-dir", DATA::toString);
    // The APIs' own token settings: the local key, as the provider signs with it here.
    registry.add("onix.security.issuer", () -> LocalSigningKey.LOCAL_ISSUER);
    registry.add("onix.security.jwks-uri", () -> "");
    registry.add("onix.security.jwk-set-file", () -> "");
    registry.add("onix.console.oidc.issuer", () -> ISSUER);
    registry.add("onix.console.oidc.client-id", () -> CLIENT);
    registry.add("onix.console.oidc.client-secret", () -> "s3cret");
    registry.add("onix.console.query-url", () -> "http://127.0.0.1:1");
    registry.add("onix.console.command-url", () -> "http://127.0.0.1:1");
  }

  @AfterAll
  static void stopTheProvider() {
    PROVIDER.stop(0);
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @Test
  void anAdminSignsInThroughTheProviderWithPkceAndTheirAccessTokenIsWhatTheConsoleUses()
      throws Exception {
    String accessToken =
        new DevTokens(KEY, LocalSigningKey.LOCAL_ISSUER)
            .mint("admin-7", List.of("ORG_ADMIN"), "org-1", Duration.ofHours(1), Instant.now());
    Flow grant = signIn(accessToken);

    assertThat(grant.landing().statusCode()).isEqualTo(302);
    assertThat(grant.landing().headers().firstValue("Location").orElseThrow()).endsWith("/users");
    String verifier = GRANTS.get(grant.code()).verifierSeen()[0];
    assertThat(verifier).as("the code was redeemed with the PKCE verifier").isNotNull();
    assertThat(s256(verifier)).isEqualTo(grant.challenge());
    // Signed in: the page now asks the APIs (absent here) instead of sending to sign-in.
    HttpResponse<String> users = get("/users", grant.cookie());
    assertThat(users.statusCode()).isEqualTo(503);
    assertThat(users.body()).contains("admin-7").contains("Organization admin");
  }

  @Test
  void anAccessTokenTheApisWouldRefuseSignsNobodyIn() throws Exception {
    String foreign =
        new DevTokens(KEY, "https://elsewhere.example")
            .mint("admin-7", List.of("ORG_ADMIN"), "org-1", Duration.ofHours(1), Instant.now());

    Flow flow = signIn(foreign);

    assertThat(flow.landing().headers().firstValue("Location").orElseThrow())
        .endsWith("/sign-in?error=role");
    assertThat(get("/users", flow.cookie()).headers().firstValue("Location").orElseThrow())
        .endsWith("/sign-in");
  }

  @Test
  void signInLinksAreOffWhenTheProviderSignsPeopleIn() throws Exception {
    String admin =
        new DevTokens(KEY, LocalSigningKey.LOCAL_ISSUER)
            .mint("admin-7", List.of("ORG_ADMIN"), "org-1", Duration.ofHours(1), Instant.now());
    HttpResponse<String> pushed =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base() + "/sign-in-links"))
                .header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(pushed.statusCode()).isEqualTo(404);
  }

  record Flow(String code, String challenge, String cookie, HttpResponse<String> landing) {}

  /** A browser's round trip: to the provider and back with a code for {@code accessToken}. */
  private Flow signIn(String accessToken) throws Exception {
    HttpResponse<String> start = get("/oauth2/authorization/onix", null);
    assertThat(start.statusCode()).isEqualTo(302);
    String cookie = cookie(start);
    URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
    assertThat(authorize.toString()).startsWith(ISSUER + "/authorize?");
    Map<String, String> asked = query(authorize.getRawQuery());
    assertThat(asked)
        .containsEntry("response_type", "code")
        .containsEntry("client_id", CLIENT)
        .containsEntry("code_challenge_method", "S256")
        .containsKeys("state", "nonce", "code_challenge");
    String code = "code-" + System.nanoTime();
    GRANTS.put(
        code,
        new Grant(asked.get("code_challenge"), asked.get("nonce"), accessToken, new String[1]));
    HttpResponse<String> landing =
        get("/login/oauth2/code/onix?code=" + code + "&state=" + asked.get("state"), cookie);
    String after =
        landing.headers().firstValue("Set-Cookie").isPresent() ? cookie(landing) : cookie;
    return new Flow(code, asked.get("code_challenge"), after, landing);
  }

  private static void discovery(HttpExchange exchange) throws IOException {
    json(
        exchange,
        "{\"issuer\":\""
            + ISSUER
            + "\",\"authorization_endpoint\":\""
            + ISSUER
            + "/authorize\","
            + "\"token_endpoint\":\""
            + ISSUER
            + "/token\",\"jwks_uri\":\""
            + ISSUER
            + "/jwks\","
            + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
            + "\"id_token_signing_alg_values_supported\":[\"RS256\"],"
            + "\"code_challenge_methods_supported\":[\"S256\"],"
            + "\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\"]}");
  }

  private static void token(HttpExchange exchange) throws IOException {
    Map<String, String> form =
        query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String basic = exchange.getRequestHeaders().getFirst("Authorization");
    Grant grant = GRANTS.get(form.get("code"));
    boolean clientOk =
        ("Basic " + Base64.getEncoder().encodeToString((CLIENT + ":s3cret").getBytes()))
            .equals(basic);
    if (grant == null
        || !clientOk
        || !s256(form.getOrDefault("code_verifier", "")).equals(grant.challenge())) {
      exchange.sendResponseHeaders(400, -1);
      exchange.close();
      return;
    }
    grant.verifierSeen()[0] = form.get("code_verifier");
    try {
      SignedJWT idToken =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(),
              new JWTClaimsSet.Builder()
                  .issuer(ISSUER)
                  .subject("admin-7")
                  .audience(CLIENT)
                  .claim("nonce", grant.nonce())
                  .issueTime(new Date())
                  .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                  .build());
      idToken.sign(new RSASSASigner(KEY));
      json(
          exchange,
          "{\"access_token\":\""
              + grant.accessToken()
              + "\",\"token_type\":\"Bearer\","
              + "\"expires_in\":3600,\"id_token\":\""
              + idToken.serialize()
              + "\"}");
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IOException(e);
    }
  }

  private static void json(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static Map<String, String> query(String query) {
    Map<String, String> values = new HashMap<>();
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        values.put(
            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  private static String s256(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> get(String path, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String cookie(HttpResponse<String> answer) {
    String set = answer.headers().firstValue("Set-Cookie").orElseThrow();
    return set.substring(0, set.indexOf(';'));
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }
}
