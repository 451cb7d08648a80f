package com.onix.twofactor.command.accesscode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AccessCodesTest {

  @Test
  void codesAreTwelveCrockfordCharactersWithSixtyBits() {
    assertThat(AccessCodes.ALPHABET).hasSize(32); // 5 bits each, 12 characters: 60 bits
    assertThat(AccessCodes.generate()).matches("[0-9A-HJKMNP-TV-Z]{12}");
  }

  @Test
  void codesDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      assertThat(seen.add(AccessCodes.generate())).isTrue();
    }
  }

  @Test
  void codesAreShownInGroupsOfFour() {
    assertThat(AccessCodes.display("ABCD2EFGH3JK")).isEqualTo("ABCD-2EFG-H3JK");
  }

  @Property(tries = 300)
  void anyWayOfTypingTheShownCodeNormalizesBackToIt(
      @ForAll @IntRange(min = 0, max = 1 << 20) int seed) {
    String code = AccessCodes.generate();
    String shown = AccessCodes.display(code);
    StringBuilder typed = new StringBuilder();
    java.util.Random random = new java.util.Random(seed);
    for (char c : shown.toCharArray()) {
      if (c == '-' && random.nextBoolean()) {
        typed.append(random.nextBoolean() ? " " : "");
        continue;
      }
      typed.append(random.nextBoolean() ? Character.toLowerCase(c) : c);
    }
    assertThat(AccessCodes.normalize(typed.toString())).hasValue(code);
  }

  @Test
  void somethingThatCannotBeACodeDoesNotNormalize() {
    assertThat(AccessCodes.normalize("ABCD-EFGH-JKM")).isEmpty();
    assertThat(AccessCodes.normalize("ABCD-EFGH-JKMNP")).isEmpty();
    assertThat(AccessCodes.normalize("ABCD-EFGH-JKMU")).isEmpty();
    assertThat(AccessCodes.normalize("ABCD_EFGH_JKMN")).isEmpty();
    assertThat(AccessCodes.normalize(null)).isEmpty();
  }
}
