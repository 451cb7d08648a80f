package com.onix.twofactor.benchmark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The two services over HTTP/1.1 with the JDK's client: one keep-alive connection per calling
 * thread, which is what a closed-loop load of N threads needs.
 */
final class Api {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  final URI command;
  final URI query;
  private final HttpClient http;

  Api(URI command, URI query) {
    this.command = command;
    this.query = query;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  record Reply(int status, String body, Optional<String> aggregateVersion) {
    boolean ok() {
      return status / 100 == 2;
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("not JSON (status " + status + "): " + body, e);
      }
    }

    Reply expect(int wanted) {
      if (status != wanted) {
        throw new IllegalStateException("expected " + wanted + " but got " + status + ": " + body);
      }
      return this;
    }
  }

  static HttpRequest.Builder request(URI base, String path, String token) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(TIMEOUT)
        .header("Authorization", "Bearer " + token);
  }

  static HttpRequest get(URI base, String path, String token) {
    return request(base, path, token).GET().build();
  }

  static HttpRequest post(URI base, String path, String token, Object body) {
    if (body == null) {
      return request(base, path, token).POST(HttpRequest.BodyPublishers.noBody()).build();
    }
    return request(base, path, token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json(body)))
        .build();
  }

  static HttpRequest put(URI base, String path, String token, Object body) {
    return request(base, path, token)
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json(body)))
        .build();
  }

  static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write the request body", e);
    }
  }

  Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(
          response.statusCode(),
          response.body(),
          response.headers().firstValue("Onix-Aggregate-Version"));
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri().getPath(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Only the status: the body is read and dropped, so the connection stays reusable. */
  int status(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
