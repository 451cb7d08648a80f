package com.onix.twofactor.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A small JSON client of both services, as the admin pages or the sign-in page would use. */
final class Api {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Every response seen, as "<method> <path> -> <body>", for tests that search them. */
  static final Queue<String> SEEN = new ConcurrentLinkedQueue<>();

  record Answer(int status, JsonNode body, HttpResponse<String> raw) {
    String header(String name) {
      Optional<String> value = raw.headers().firstValue(name);
      return value.orElse(null);
    }
  }

  static Answer get(URI uri, String token) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri).GET(), token);
  }

  static Answer post(URI uri, String token, String json) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)),
        token);
  }

  static Answer put(URI uri, String token, String json) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)),
        token);
  }

  private static Answer send(HttpRequest.Builder request, String token)
      throws IOException, InterruptedException {
    // Generous: a command on a loaded machine may wait for a conflict's retries and a commit.
    request.timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token);
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
    return new Answer(response.statusCode(), body, response);
  }
}
