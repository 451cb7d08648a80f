package com.onix.twofactor.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The id rules themselves. That Spring MVC applies them to path variables is checked over HTTP in
 * the command side's RequestProblemsHttpTest (a short-form id must answer 400 INVALID_ID).
 */
class StrictIdConversionTest {

  private static final String CANONICAL = "123e4567-e89b-42d3-a456-426614174000";

  @Test
  void aCanonicalUuidIsAccepted() {
    assertThat(StrictIdConversion.isCanonical(CANONICAL)).isTrue();
    assertThat(StrictIdConversion.parse(CANONICAL)).isEqualTo(UUID.fromString(CANONICAL));
  }

  @Test
  void anUpperCaseUuidIsTheSameId() {
    assertThat(StrictIdConversion.parse(CANONICAL.toUpperCase()).toString()).isEqualTo(CANONICAL);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "1-2-3-4-5",
        "123e4567e89b42d3a456426614174000",
        "{123e4567-e89b-42d3-a456-426614174000}",
        "123e4567-e89b-42d3-a456-426614174000 ",
        " 123e4567-e89b-42d3-a456-426614174000",
        "123e4567-e89b-42d3-a456-4266141740000",
        "123e4567-e89b-42d3-a456-42661417400",
        "g23e4567-e89b-42d3-a456-426614174000",
        "123e4567-e89b-42d3-a456-426614174000\n",
        "not-a-uuid"
      })
  void anythingElseIsRejected(String candidate) {
    assertThat(StrictIdConversion.isCanonical(candidate)).isFalse();
    assertThatThrownBy(() -> StrictIdConversion.parse(candidate))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
