package com.onix.twofactor.support.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * What every error answer of this API must be: an RFC 9457 problem document with {@code type},
 * {@code title}, {@code status} (the HTTP status), {@code detail} and an upper-snake {@code code}.
 */
public final class ProblemCheck {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProblemCheck() {}

  /** Why {@code answer} is not a proper problem document, or empty when it is one. */
  public static Optional<String> fault(RawHttp.Answer answer, boolean bodyExpected) {
    if (answer.status() < 0) {
      return Optional.of("no answer at all");
    }
    if (!answer.contentType().startsWith("application/problem+json")) {
      return Optional.of("content type '" + answer.contentType() + "'");
    }
    if (!bodyExpected) {
      return Optional.empty();
    }
    JsonNode problem;
    try {
      problem = JSON.readTree(answer.body());
    } catch (IOException e) {
      return Optional.of("a body that is not JSON");
    }
    if (problem == null || !problem.isObject()) {
      return Optional.of("a body that is no JSON object");
    }
    for (String field : List.of("type", "title", "detail", "code")) {
      if (!problem.path(field).isTextual() || problem.path(field).asText().isBlank()) {
        return Optional.of("no '" + field + "'");
      }
    }
    if (!problem.path("code").asText().matches("[A-Z][A-Z0-9_]*")) {
      return Optional.of("code '" + problem.path("code").asText() + "' is not upper snake case");
    }
    if (problem.path("status").asInt(-1) != answer.status()) {
      return Optional.of("'status' " + problem.path("status") + " is not the HTTP status");
    }
    return Optional.empty();
  }

  /** The problem's {@code code}, for an answer {@link #fault} found nothing wrong with. */
  public static String code(RawHttp.Answer answer) {
    try {
      return JSON.readTree(answer.body()).path("code").asText();
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON", e);
    }
  }
}
