package com.onix.twofactor.query.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.onix.twofactor.kernel.user.SignInMethod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Over random users and instants: the requirement is the first row of docs/http-api.md's twoFactor
 * table that matches, computed here independently from the table's wording.
 */
class UserDocumentRequirementPropertyTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @Property(tries = 2000)
  void firstMatchingRowOfTheTableWins(
      @ForAll SignInMethod signInMethod,
      @ForAll Enrollment enrollment,
      @ForAll boolean policyRequired,
      @ForAll("offsetsOrNone") Long lockOffsetNanos,
      @ForAll("offsetsOrNone") Long accessCodeOffsetNanos) {
    Instant lockedUntil = lockOffsetNanos == null ? null : NOW.plusNanos(lockOffsetNanos);
    Instant codeExpiry =
        accessCodeOffsetNanos == null ? null : NOW.plusNanos(accessCodeOffsetNanos);
    UserDocument user =
        new UserDocument(
            "u",
            "o",
            "u@example.org",
            "U",
            signInMethod,
            enrollment,
            null,
            null,
            codeExpiry == null ? null : new UserDocument.AccessCode("c", codeExpiry),
            lockedUntil);

    UserDocument.Requirement actual = user.requirementAt(NOW, policyRequired);

    assertThat(actual)
        .isEqualTo(expected(signInMethod, enrollment, policyRequired, lockedUntil, codeExpiry));
  }

  /** The table, read top to bottom. */
  private static UserDocument.Requirement expected(
      SignInMethod signInMethod,
      Enrollment enrollment,
      boolean policyRequired,
      Instant lockedUntil,
      Instant codeExpiry) {
    boolean exempt = signInMethod == SignInMethod.ENTRA_ID;
    boolean lockedNow = lockedUntil != null && NOW.compareTo(lockedUntil) < 0;
    boolean validCode = codeExpiry != null && NOW.compareTo(codeExpiry) < 0;
    if (exempt) {
      return new UserDocument.Requirement(TwoFactorStatus.EXEMPT, List.of(), null);
    }
    if (lockedNow) {
      return new UserDocument.Requirement(TwoFactorStatus.LOCKED, List.of(), lockedUntil);
    }
    List<String> methods = new ArrayList<>();
    TwoFactorStatus status;
    if (enrollment == Enrollment.ACTIVE) {
      status = TwoFactorStatus.VERIFICATION_REQUIRED;
      methods.add("TOTP");
    } else if (policyRequired) {
      status = TwoFactorStatus.SETUP_REQUIRED;
      methods.add("TOTP_SETUP");
    } else {
      status = TwoFactorStatus.NOT_REQUIRED;
    }
    if (validCode) {
      methods.add("ACCESS_CODE");
    }
    return new UserDocument.Requirement(status, List.copyOf(methods), null);
  }

  /** Nanoseconds from now, around zero (edge cases include -1, 0 and 1), or no instant at all. */
  @Provide
  Arbitrary<Long> offsetsOrNone() {
    return Arbitraries.oneOf(
            Arbitraries.longs().between(-3_600_000_000_000L, 3_600_000_000_000L),
            Arbitraries.longs().between(-2, 2))
        .injectNull(0.2);
  }
}
