package com.onix.twofactor.command.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import com.onix.twofactor.command.testing.Authenticator;
import java.time.Instant;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.apache.commons.codec.binary.Base32;

/** Accept or reject over many time steps, positions within a step, and clock skews. */
class TotpWindowPropertiesTest {

  @Provide
  Arbitrary<byte[]> secrets() {
    return Arbitraries.bytes().array(byte[].class).ofSize(20);
  }

  @Property(tries = 300)
  void aCodeIsAcceptedExactlyWithinOneStepOfSkewAndNamesItsStep(
      @ForAll("secrets") byte[] secret,
      @ForAll @LongRange(min = 1, max = 100_000_000) long step,
      @ForAll @IntRange(min = 0, max = 29) int secondIntoStep,
      @ForAll @IntRange(min = -4, max = 4) int skew) {
    Authenticator phone = new Authenticator(new Base32().encodeToString(secret));
    String code = phone.codeForStep(step + skew);
    Instant now = Instant.ofEpochSecond(step * 30 + secondIntoStep);

    OptionalLong matched = Totp.matchingStep(secret, code, now);

    if (Math.abs(skew) <= 1) {
      assertThat(matched).hasValue(step + skew);
    } else if (matched.isPresent()) {
      // A different step inside the window may share the 6-digit code by chance (1 in 10^6).
      assertThat(phone.codeForStep(matched.getAsLong())).isEqualTo(code);
      assertThat(Math.abs(matched.getAsLong() - step)).isLessThanOrEqualTo(1);
    }
  }
}
