package com.onix.twofactor.query.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** The shape every error of this API has: an RFC 9457 problem document with a stable code. */
public final class ProblemAssertions {

  private ProblemAssertions() {}

  public static JsonNode assertProblem(QueryClient.Reply reply, int status, String code) {
    assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
    JsonNode problem = assertProblemDocument(reply);
    assertThat(problem.path("code").asText()).as("code of %s", reply).isEqualTo(code);
    return problem;
  }

  /** A problem document of any code, whose {@code status} is the HTTP status. */
  public static JsonNode assertProblemDocument(QueryClient.Reply reply) {
    assertThat(reply.contentType())
        .as("content type of %s", reply)
        .startsWith("application/problem+json");
    JsonNode problem = reply.json();
    assertThat(problem.path("code").asText())
        .as("code of %s", reply)
        .isNotBlank()
        .matches("[A-Z][A-Z0-9_]*");
    assertThat(problem.path("status").asInt()).as("status of %s", reply).isEqualTo(reply.status());
    assertThat(problem.path("type").asText()).as("type of %s", reply).isNotBlank();
    assertThat(problem.path("title").asText()).as("title of %s", reply).isNotBlank();
    assertThat(problem.path("detail").asText()).as("detail of %s", reply).isNotBlank();
    return problem;
  }
}
