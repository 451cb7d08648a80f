package com.onix.twofactor.console.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeTextTest {

  private final SafeText safe = new SafeText();

  @Test
  void aRightToLeftOverrideIsShownAsItsCodePointInsteadOfReversingTheText() {
    assertThat(safe.of("Eve \u202Etxt.exe")).isEqualTo("Eve [U+202E]txt.exe");
  }

  @Test
  void controlCharactersAndIsolatesAreShownAsCodePoints() {
    assertThat(safe.of("a\u0000b\u0007c\u2066d\u200Fe\n"))
        .isEqualTo("a[U+0000]b[U+0007]c[U+2066]d[U+200F]e[U+000A]");
  }

  @Test
  void anyOtherUnicodeIsLeftAlone() {
    assertThat(safe.of("Zoë 山田 مريم <b>&")).isEqualTo("Zoë 山田 مريم <b>&");
  }

  @Test
  void aVeryLongNameIsCut() {
    assertThat(safe.of("x".repeat(1000))).hasSize(201).endsWith("…");
  }

  @Test
  void nothingIsShownAsNothing() {
    assertThat(safe.of(null)).isEmpty();
  }
}
