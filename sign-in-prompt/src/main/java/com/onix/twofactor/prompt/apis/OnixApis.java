package com.onix.twofactor.prompt.apis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onix.twofactor.prompt.PromptSettings;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The command and query APIs, called with the sign-in page's own token. Every answer but a success
 * becomes an {@link ApiRefusal}; the pages turn those into sentences.
 */
@Component
public class OnixApis {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RestClient http;
  private final URI queryUrl;
  private final URI commandUrl;
  private final Clock clock;

  public OnixApis(PromptSettings settings, Clock clock) {
    SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
    requests.setConnectTimeout(5_000);
    requests.setReadTimeout(15_000);
    this.http = RestClient.builder().requestFactory(requests).build();
    this.queryUrl = settings.queryUrl();
    this.commandUrl = settings.commandUrl();
    this.clock = clock;
  }

  public Requirements requirements(String email, String token) {
    URI uri =
        UriComponentsBuilder.fromUri(queryUrl)
            .path("/sign-in/requirements")
            .queryParam("email", "{email}")
            .build(Map.of("email", email));
    JsonNode answer = call("GET", uri, token, null);
    List<String> methods = new ArrayList<>();
    answer.path("methods").forEach(method -> methods.add(method.asText()));
    return new Requirements(
        answer.path("userId").asText(),
        answer.path("twoFactor").asText(),
        List.copyOf(methods),
        instant(answer.path("lockedUntil")));
  }

  public Setup startSetup(String userId, String token) {
    JsonNode answer =
        call("POST", commandPath("/users/{id}/two-factor/setup", userId), token, null);
    return new Setup(answer.path("secret").asText(), answer.path("qrCodePng").asText());
  }

  public void confirmSetup(String userId, String code, String token) {
    call(
        "POST",
        commandPath("/users/{id}/two-factor/setup/confirm", userId),
        token,
        Map.of("code", code));
  }

  /** Has a sign-in code mailed to the user; answers until when it works. */
  public Instant sendEmailCode(String userId, String token) {
    JsonNode answer =
        call("POST", commandPath("/sign-in/email-codes", null), token, Map.of("userId", userId));
    return instant(answer.path("expiresAt"));
  }

  /** {@code method} is {@code TOTP}, {@code ACCESS_CODE} or {@code EMAIL_CODE}. */
  public void verify(String userId, String method, String code, String token) {
    call(
        "POST",
        commandPath("/sign-in/verifications", null),
        token,
        Map.of("userId", userId, "method", method, "code", code));
  }

  private URI commandPath(String path, String userId) {
    UriComponentsBuilder builder = UriComponentsBuilder.fromUri(commandUrl).path(path);
    return userId == null ? builder.build().toUri() : builder.buildAndExpand(userId).toUri();
  }

  private JsonNode call(String method, URI uri, String token, Object body) {
    try {
      RestClient.RequestBodySpec request =
          http.method(org.springframework.http.HttpMethod.valueOf(method))
              .uri(uri)
              .header("Authorization", "Bearer " + token)
              .accept(MediaType.APPLICATION_JSON);
      if (body != null) {
        request.contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(body));
      }
      return request.exchange(
          (sent, response) -> {
            JsonNode answer = parse(response.getBody().readAllBytes());
            int status = response.getStatusCode().value();
            if (status >= 200 && status < 300) {
              return answer;
            }
            throw refusal(status, answer, response.getHeaders().getFirst("Retry-After"));
          });
    } catch (ResourceAccessException | IOException unreachable) {
      throw new ApiRefusal(503, "UNAVAILABLE", null, null);
    }
  }

  private ApiRefusal refusal(int status, JsonNode problem, String retryAfter) {
    Integer remaining =
        problem.hasNonNull("remainingAttempts") ? problem.get("remainingAttempts").asInt() : null;
    Instant lockedUntil = instant(problem.path("lockedUntil"));
    if (lockedUntil == null && retryAfter != null && retryAfter.matches("\\d{1,9}")) {
      lockedUntil = clock.instant().plusSeconds(Long.parseLong(retryAfter));
    }
    String code = problem.path("code").asText("");
    return new ApiRefusal(status, code.isEmpty() ? "HTTP_" + status : code, remaining, lockedUntil);
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException notJson) {
      return JSON.createObjectNode();
    }
  }

  private static Instant instant(JsonNode value) {
    if (value == null || !value.isTextual()) {
      return null;
    }
    try {
      return Instant.parse(value.asText());
    } catch (RuntimeException unreadable) {
      return null;
    }
  }
}
