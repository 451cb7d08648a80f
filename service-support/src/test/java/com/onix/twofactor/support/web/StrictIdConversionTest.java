package com.onix.twofactor.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.format.support.DefaultFormattingConversionService;

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

  @Test
  void theRegisteredConverterOverridesSpringsLenientOne() {
    DefaultFormattingConversionService conversions = new DefaultFormattingConversionService();
    // Spring's own converter takes the short form: the reason this class exists.
    assertThat(conversions.convert("1-2-3-4-5", UUID.class)).isNotNull();

    new StrictIdConversion().addFormatters(conversions);

    assertThatThrownBy(() -> conversions.convert("1-2-3-4-5", UUID.class))
        .isInstanceOf(ConversionFailedException.class);
    assertThat(conversions.convert(CANONICAL, UUID.class)).isEqualTo(UUID.fromString(CANONICAL));
  }
}
