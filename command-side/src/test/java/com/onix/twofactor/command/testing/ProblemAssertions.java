package com.onix.twofactor.command.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;

/** What every error of this API must look like: an RFC 9457 document with a stable code. */
public final class ProblemAssertions {

  private static final List<String> LEAKS =
      List.of(
          "Exception",
          "exception",
          "at com.",
          "at org.",
          "at java.",
          "java.",
          "jakarta.",
          "org.springframework",
          "org.axonframework",
          "com.onix",
          "com.mongodb",
          "com.fasterxml",
          "de.bwaldvogel",
          "Caused by");

  /** A qualified Java class name, e.g. {@code org.example.FooBar}. */
  private static final Pattern CLASS_NAME =
      Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z][A-Za-z0-9_$]*");

  private ProblemAssertions() {}

  public static JsonNode assertProblem(Response response, int status, String code) {
    assertThat(response.status()).as("status of %s", response).isEqualTo(status);
    JsonNode problem = assertProblemDocument(response);
    assertThat(problem.path("code").asText()).as("code of %s", response).isEqualTo(code);
    return problem;
  }

  public static JsonNode assertProblemDocument(Response response) {
    assertThat(response.contentType())
        .as("content type of %s", response)
        .startsWith("application/problem+json");
    JsonNode problem = response.json();
    for (String field : List.of("type", "title", "detail", "code")) {
      assertThat(problem.path(field).isTextual()).as("'%s' of %s", field, response).isTrue();
      assertThat(problem.path(field).asText()).as("'%s' of %s", field, response).isNotBlank();
    }
    assertThat(problem.path("status").isInt()).as("'status' of %s", response).isTrue();
    assertThat(problem.path("status").asInt()).isEqualTo(response.status());
    assertThat(problem.path("code").asText()).matches("[A-Z][A-Z0-9_]*");
    assertNoInternals(response.body());
    return problem;
  }

  public static void assertNoInternals(String body) {
    assertThat(body).as("body").doesNotContain(LEAKS);
    assertThat(CLASS_NAME.matcher(body).find()).as("a class name in %s", body).isFalse();
  }
}
