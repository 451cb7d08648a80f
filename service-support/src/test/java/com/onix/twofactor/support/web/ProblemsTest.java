package com.onix.twofactor.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

class ProblemsTest {

  @Test
  void theTitleReadsTheCodeAsWords() {
    assertThat(Problems.titleOf("EMAIL_TAKEN")).isEqualTo("Email taken");
    assertThat(Problems.titleOf("UNSUPPORTED_MEDIA_TYPE")).isEqualTo("Unsupported media type");
  }

  @Test
  void aOneWordCodeIsCapitalized() {
    assertThat(Problems.titleOf("LOCKED")).isEqualTo("Locked");
  }

  @Test
  void theTypeIsAUrnDerivedFromTheCode() {
    assertThat(Problems.typeOf("EMAIL_TAKEN"))
        .isEqualTo(URI.create("urn:onix:problem:email-taken"));
  }

  @Test
  void aProblemCarriesStatusDetailTitleTypeAndCode() {
    ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "EMAIL_TAKEN", "Taken.");

    assertThat(problem.getStatus()).isEqualTo(409);
    assertThat(problem.getDetail()).isEqualTo("Taken.");
    assertThat(problem.getTitle()).isEqualTo("Email taken");
    assertThat(problem.getType()).isEqualTo(URI.create("urn:onix:problem:email-taken"));
    assertThat(problem.getProperties()).containsEntry("code", "EMAIL_TAKEN");
  }

  @Test
  void aRefusalsExtraPropertiesAreCopied() {
    ApiProblem refusal =
        new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "INVALID_CODE", "Wrong code.")
            .with("remainingAttempts", 3);

    ProblemDetail problem = Problems.of(refusal);

    assertThat(problem.getStatus()).isEqualTo(422);
    assertThat(problem.getProperties())
        .containsEntry("code", "INVALID_CODE")
        .containsEntry("remainingAttempts", 3);
  }

  @Test
  void aRefusalHasNoStackTraceToLeak() {
    assertThat(ApiProblem.unknownUser().getStackTrace()).isEmpty();
  }
}
