package com.onix.twofactor.query.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Plain HTTP against the running query side. */
public final class QueryClient {

  public static final String JSON = "application/json";
  public static final String NDJSON = "application/x-ndjson";

  /**
   * What "answered promptly" means for a query with {@code minVersion}: well short of the 5 s a
   * version that never comes is waited for, yet not so short that a loaded machine fails it.
   */
  public static final Duration PROMPTLY = Duration.ofSeconds(4);

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String base;

  public QueryClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** GET with {@code Authorization: Bearer token} (none if null), accepting JSON. */
  public Reply get(String pathAndQuery, String token) {
    return get(pathAndQuery, token == null ? null : "Bearer " + token, JSON);
  }

  /** GET with a raw {@code Authorization} header value (none if null). */
  public Reply get(String pathAndQuery, String authorization, String accept) {
    return send("GET", pathAndQuery, authorization, accept);
  }

  /** Any method, without a body, with extra header name/value pairs. */
  public Reply send(
      String method, String pathAndQuery, String authorization, String accept, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + pathAndQuery))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", accept)
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    long started = System.nanoTime();
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(
          response.statusCode(),
          response.headers(),
          response.body(),
          Duration.ofNanos(System.nanoTime() - started));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** URL-encodes a query parameter value. */
  public static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  public record Reply(int status, HttpHeaders headers, String body, Duration elapsed) {

    public JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (status " + status + "): " + body, e);
      }
    }

    /** One JSON value per non-empty line. */
    public List<JsonNode> jsonLines() {
      List<JsonNode> lines = new ArrayList<>();
      for (String line : body.split("\n", -1)) {
        if (line.isEmpty()) {
          continue;
        }
        try {
          lines.add(MAPPER.readTree(line));
        } catch (IOException e) {
          throw new AssertionError("line is not JSON: " + line, e);
        }
      }
      return lines;
    }

    public String contentType() {
      return headers.firstValue("Content-Type").orElse("");
    }

    @Override
    public String toString() {
      return status + " " + contentType() + " " + body;
    }
  }
}
