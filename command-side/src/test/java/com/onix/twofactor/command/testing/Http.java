package com.onix.twofactor.command.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small HTTP/1.1 client for the service under test: nothing thrown for 4xx or 5xx. */
public final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final String base;

  public Http(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public Request get(String path) {
    return new Request("GET", path);
  }

  public Request post(String path) {
    return new Request("POST", path);
  }

  public Request put(String path) {
    return new Request("PUT", path);
  }

  public Request method(String method, String path) {
    return new Request(method, path);
  }

  public final class Request {
    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private BodyPublisher body = BodyPublishers.noBody();

    private Request(String method, String path) {
      this.method = method;
      this.path = path;
    }

    public Request token(String token) {
      return token == null ? this : header("Authorization", "Bearer " + token);
    }

    public Request header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /** A JSON body with its Content-Length. */
    public Request json(String json) {
      return body("application/json", json);
    }

    public Request body(String contentType, String text) {
      if (contentType != null) {
        header("Content-Type", contentType);
      }
      body = BodyPublishers.ofString(text, StandardCharsets.UTF_8);
      return this;
    }

    /** A JSON body sent chunked: no Content-Length announces its size. */
    public Request chunkedJson(String json) {
      return chunked("application/json", json);
    }

    /** A body of any type sent chunked. */
    public Request chunked(String contentType, String text) {
      header("Content-Type", contentType);
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      body = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
      return this;
    }

    public Response send() {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(Duration.ofSeconds(30))
              .method(method, body);
      headers.forEach(request::header);
      try {
        var response = CLIENT.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(response.statusCode(), response.headers(), response.body());
      } catch (IOException e) {
        throw new UncheckedIOException(method + " " + path + " failed", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
