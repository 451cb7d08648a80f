package com.onix.twofactor.console.apis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onix.twofactor.console.ConsoleSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The command and query APIs, called with the signed-in person's own token, so that every rule and
 * every audit record stays where it is. Every answer but a success becomes an {@link ApiRefusal}.
 */
@Component
public class ConsoleApis {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NDJSON = "application/x-ndjson";
  private static final String VERSION_HEADER = "Onix-Aggregate-Version";

  private final RestClient http;
  private final URI queryUrl;
  private final URI commandUrl;

  public ConsoleApis(ConsoleSettings settings) {
    SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
    requests.setConnectTimeout(5_000);
    requests.setReadTimeout(30_000);
    this.http = RestClient.builder().requestFactory(requests).build();
    this.queryUrl = settings.queryUrl();
    this.commandUrl = settings.commandUrl();
  }

  public UserPage users(
      String org, String twoFactor, String signInMethod, int limit, String cursor, String token) {
    UriComponentsBuilder uri = query("/organizations/{org}/users").queryParam("limit", limit);
    optional(uri, "twoFactor", twoFactor);
    optional(uri, "signInMethod", signInMethod);
    optional(uri, "cursor", cursor);
    JsonNode answer = call(HttpMethod.GET, uri.build(Map.of("org", org)), token, null).body();
    List<ConsoleUser> users = new ArrayList<>();
    answer.path("users").forEach(user -> users.add(user(user)));
    return new UserPage(List.copyOf(users), textOrNull(answer.path("next")));
  }

  public ConsoleUser user(String org, String userId, String minVersion, String token) {
    UriComponentsBuilder uri = query("/organizations/{org}/users/{user}");
    optional(uri, "minVersion", minVersion);
    return user(
        call(HttpMethod.GET, uri.build(Map.of("org", org, "user", userId)), token, null).body());
  }

  public StatusCounts counts(String org, String minVersion, String token) {
    UriComponentsBuilder uri = query("/organizations/{org}/two-factor-counts");
    optional(uri, "minVersion", minVersion);
    JsonNode answer = call(HttpMethod.GET, uri.build(Map.of("org", org)), token, null).body();
    Map<String, Long> counts = new HashMap<>();
    answer
        .path("counts")
        .fields()
        .forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
    return new StatusCounts(
        answer.path("policyRequired").asBoolean(),
        answer.path("total").asLong(),
        Map.copyOf(counts));
  }

  public Policy policy(String org, String minVersion, String token) {
    UriComponentsBuilder uri = query("/organizations/{org}/two-factor-policy");
    optional(uri, "minVersion", minVersion);
    JsonNode answer = call(HttpMethod.GET, uri.build(Map.of("org", org)), token, null).body();
    return new Policy(
        answer.path("required").asBoolean(),
        answer.path("emailCodesAllowed").asBoolean(),
        instant(answer.path("changedAt")),
        textOrNull(answer.path("changedBy")));
  }

  /** The newest checkpoint of the organization's audit chain; empty before the first. */
  public Optional<SignedCheckpoint> latestCheckpoint(String org, String token) {
    try {
      JsonNode answer =
          call(
                  HttpMethod.GET,
                  query("/organizations/{org}/audit-checkpoints/latest").build(Map.of("org", org)),
                  token,
                  null)
              .body();
      return Optional.of(checkpoint(answer));
    } catch (ApiRefusal refusal) {
      if ("NO_CHECKPOINT".equals(refusal.code())) {
        return Optional.empty();
      }
      throw refusal;
    }
  }

  /** Signs the chain's head now (or answers the newest checkpoint, if it covers the head). */
  public SignedCheckpoint signCheckpoint(String org, String token) {
    return checkpoint(
        call(
                HttpMethod.POST,
                query("/organizations/{org}/audit-checkpoints").build(Map.of("org", org)),
                token,
                null)
            .body());
  }

  /** Checks the whole stored history against its chain: one pass over the event store. */
  public IntegrityCheck integrity(String org, String token) {
    JsonNode answer =
        call(
                HttpMethod.GET,
                query("/organizations/{org}/audit-integrity").build(Map.of("org", org)),
                token,
                null)
            .body();
    JsonNode mismatch = answer.path("firstMismatch");
    boolean found = mismatch.isObject();
    return new IntegrityCheck(
        answer.path("verified").asBoolean(),
        answer.path("checkedEvents").asLong(),
        answer.path("head").path("position").asLong(),
        found ? mismatch.path("position").asLong() : null,
        found ? textOrNull(mismatch.path("eventId")) : null,
        found ? textOrNull(mismatch.path("why")) : null);
  }

  private static SignedCheckpoint checkpoint(JsonNode answer) {
    return new SignedCheckpoint(
        answer.path("checkpoint").asText(),
        answer.path("position").asLong(),
        answer.path("hash").asText(),
        instant(answer.path("time")));
  }

  /** One page of the history, oldest first, as the query side pages it. */
  public AuditPage audit(String org, AuditQuery filter, int limit, String cursor, String token) {
    UriComponentsBuilder uri = auditUri(filter).queryParam("limit", limit);
    optional(uri, "cursor", cursor);
    JsonNode answer = call(HttpMethod.GET, uri.build(Map.of("org", org)), token, null).body();
    List<AuditEvent> events = new ArrayList<>();
    answer.path("events").forEach(event -> events.add(event(event)));
    return new AuditPage(List.copyOf(events), textOrNull(answer.path("next")));
  }

  /** Every event the filter matches, oldest first, read as the query side streams them. */
  public void eachAuditEvent(
      String org, AuditQuery filter, String minVersion, String token, Consumer<AuditEvent> sink) {
    UriComponentsBuilder uri = auditUri(filter);
    optional(uri, "minVersion", minVersion);
    stream(
        uri.build(Map.of("org", org)),
        token,
        body -> {
          BufferedReader lines =
              new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
          for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (!line.isBlank()) {
              sink.accept(event(JSON.readTree(line)));
            }
          }
        });
  }

  /** Where an export goes, opened only once the query side has answered with success. */
  public interface ExportTarget {
    OutputStream open() throws IOException;
  }

  /** Copies the NDJSON of the filter to the target as it arrives (the export). */
  public void exportAudit(String org, AuditQuery filter, String token, ExportTarget target) {
    stream(
        auditUri(filter).build(Map.of("org", org)),
        token,
        body -> {
          OutputStream out = target.open();
          body.transferTo(out);
          out.flush();
        });
  }

  public IssuedCode issueAccessCode(String org, String userId, int lifetimeMinutes, String token) {
    Answer answer =
        call(
            HttpMethod.POST,
            command("/organizations/{org}/users/{user}/access-codes")
                .build(Map.of("org", org, "user", userId)),
            token,
            Map.of("lifetimeMinutes", lifetimeMinutes));
    JsonNode body = answer.body();
    return new IssuedCode(
        body.path("accessCodeId").asText(),
        body.path("code").asText(),
        instant(body.path("expiresAt")),
        answer.version());
  }

  /**
   * @return the version to read the change after
   */
  public String revokeAccessCode(String org, String userId, String accessCodeId, String token) {
    return call(
            HttpMethod.DELETE,
            command("/organizations/{org}/users/{user}/access-codes/{code}")
                .build(Map.of("org", org, "user", userId, "code", accessCodeId)),
            token,
            null)
        .version();
  }

  /**
   * @return the version to read the change after
   */
  public String resetTwoFactor(String org, String userId, String reason, String token) {
    Map<String, Object> body = new HashMap<>();
    if (reason != null && !reason.isBlank()) {
      body.put("reason", reason.strip());
    }
    return call(
            HttpMethod.POST,
            command("/organizations/{org}/users/{user}/two-factor/reset")
                .build(Map.of("org", org, "user", userId)),
            token,
            body)
        .version();
  }

  /**
   * @return the version to read the change after (null when nothing changed)
   */
  public String setPolicy(String org, boolean required, String token) {
    return call(
            HttpMethod.PUT,
            command("/organizations/{org}/two-factor-policy").build(Map.of("org", org)),
            token,
            Map.of("required", required))
        .version();
  }

  /** Security &amp; identity &gt; Allow codes by email; answers the organization's new version. */
  public String setEmailCodes(String org, boolean allowed, String token) {
    return call(
            HttpMethod.PUT,
            command("/organizations/{org}/two-factor-policy/email-codes").build(Map.of("org", org)),
            token,
            Map.of("allowed", allowed))
        .version();
  }

  record Answer(JsonNode body, String version) {}

  private interface BodyReader {
    void read(InputStream body) throws IOException;
  }

  private UriComponentsBuilder query(String path) {
    return UriComponentsBuilder.fromUri(queryUrl).path(path);
  }

  private UriComponentsBuilder command(String path) {
    return UriComponentsBuilder.fromUri(commandUrl).path(path);
  }

  private UriComponentsBuilder auditUri(AuditQuery filter) {
    UriComponentsBuilder uri = query("/organizations/{org}/audit-events");
    optional(uri, "userId", filter.userId());
    filter.types().forEach(type -> uri.queryParam("type", type));
    if (filter.from() != null) {
      uri.queryParam("from", filter.from().toString());
    }
    if (filter.to() != null) {
      uri.queryParam("to", filter.to().toString());
    }
    return uri;
  }

  /** Values reaching here were checked by the pages (enums, ids, cursors): none holds a brace. */
  private static void optional(UriComponentsBuilder uri, String name, String value) {
    if (value != null && !value.isBlank()) {
      uri.queryParam(name, value);
    }
  }

  private Answer call(HttpMethod method, URI uri, String token, Object body) {
    try {
      RestClient.RequestBodySpec request =
          http.method(method)
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
              return new Answer(answer, response.getHeaders().getFirst(VERSION_HEADER));
            }
            throw refusal(status, answer);
          });
    } catch (ResourceAccessException | IOException unreachable) {
      throw new ApiRefusal(503, "UNAVAILABLE");
    }
  }

  private void stream(URI uri, String token, BodyReader reader) {
    try {
      http.get()
          .uri(uri)
          .header("Authorization", "Bearer " + token)
          .accept(MediaType.parseMediaType(NDJSON))
          .exchange(
              (sent, response) -> {
                int status = response.getStatusCode().value();
                if (status < 200 || status >= 300) {
                  throw refusal(status, parse(response.getBody().readAllBytes()));
                }
                reader.read(response.getBody());
                return null;
              });
    } catch (ResourceAccessException | UncheckedIOException unreachable) {
      throw new ApiRefusal(503, "UNAVAILABLE");
    }
  }

  private static ApiRefusal refusal(int status, JsonNode problem) {
    String code = problem.path("code").asText("");
    return new ApiRefusal(status, code.isEmpty() ? "HTTP_" + status : code);
  }

  private static ConsoleUser user(JsonNode user) {
    JsonNode code = user.path("accessCode");
    return new ConsoleUser(
        user.path("userId").asText(),
        user.path("email").asText(),
        user.path("displayName").asText(""),
        user.path("signInMethod").asText(),
        user.path("twoFactor").asText(),
        instant(user.path("enrolledAt")),
        instant(user.path("lastVerifiedAt")),
        code.isObject() ? textOrNull(code.path("accessCodeId")) : null,
        code.isObject() ? instant(code.path("expiresAt")) : null,
        instant(user.path("lockedUntil")));
  }

  private static AuditEvent event(JsonNode event) {
    List<String> roles = new ArrayList<>();
    event.path("actor").path("roles").forEach(role -> roles.add(role.asText()));
    JsonNode data = event.path("data");
    return new AuditEvent(
        event.path("eventId").asText(),
        event.path("type").asText(),
        event.path("aggregateId").asText(),
        event.path("sequence").asLong(),
        instant(event.path("occurredAt")),
        textOrNull(event.path("actor").path("id")),
        List.copyOf(roles),
        textOrNull(event.path("correlationId")),
        data.isObject() ? data : JSON.createObjectNode(),
        event);
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

  private static String textOrNull(JsonNode value) {
    return value == null || !value.isTextual() ? null : value.asText();
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
