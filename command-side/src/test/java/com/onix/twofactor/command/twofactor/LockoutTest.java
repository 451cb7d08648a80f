package com.onix.twofactor.command.twofactor;

import static com.onix.twofactor.command.twofactor.TwoFactorFixture.ORG;
import static com.onix.twofactor.command.twofactor.TwoFactorFixture.REGISTERED;
import static com.onix.twofactor.command.twofactor.TwoFactorFixture.USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.onix.twofactor.kernel.twofactor.RefusalCode;
import com.onix.twofactor.kernel.twofactor.RejectionReason;
import com.onix.twofactor.kernel.twofactor.SecondFactorRejected;
import com.onix.twofactor.kernel.twofactor.SecondFactorVerified;
import com.onix.twofactor.kernel.twofactor.TwoFactorLocked;
import com.onix.twofactor.kernel.twofactor.VerificationMethod;
import com.onix.twofactor.kernel.twofactor.VerificationOutcome;
import com.onix.twofactor.kernel.twofactor.VerifySecondFactor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LockoutTest {

  private static final VerificationMethod TOTP = VerificationMethod.TOTP;
  private static final RejectionReason WRONG = RejectionReason.WRONG_CODE;

  private final TwoFactorFixture f = new TwoFactorFixture();

  private List<Object> enrolledWith(Object... more) {
    List<Object> events =
        new ArrayList<>(List.of(REGISTERED, f.setupStarted(), f.setupCompleted()));
    events.addAll(List.of(more));
    return events;
  }

  private static SecondFactorRejected failure(int consecutive) {
    return new SecondFactorRejected(USER, ORG, TOTP, WRONG, consecutive);
  }

  private VerifySecondFactor wrongCode() {
    return new VerifySecondFactor(USER, TOTP, f.codeForStepOffset(7));
  }

  @Test
  void remainingAttemptsCountDownFromFourAfterTheFirstFailure() {
    f.fixture
        .given(enrolledWith(failure(1), failure(2), failure(3)))
        .when(wrongCode())
        .expectEvents(failure(4))
        .expectResultMessagePayload(
            VerificationOutcome.rejected(TOTP, WRONG, RefusalCode.INVALID_CODE, 1, 6));
  }

  @Test
  void theFifthConsecutiveFailureLocksForFiveMinutes() {
    Instant until = f.clock.instant().plus(Duration.ofMinutes(5));
    f.fixture
        .given(enrolledWith(failure(1), failure(2), failure(3), failure(4)))
        .when(wrongCode())
        .expectEvents(failure(5), new TwoFactorLocked(USER, ORG, until, 1))
        .expectResultMessagePayload(VerificationOutcome.locked(TOTP, until, 8));
  }

  @Test
  void whileLockedEvenTheRightCodeIsNotCheckedAndNothingIsRecorded() {
    Instant until = f.clock.instant().plus(Duration.ofMinutes(5));
    f.fixture
        .given(enrolledWith(new TwoFactorLocked(USER, ORG, until, 1)))
        .when(new VerifySecondFactor(USER, TOTP, f.codeForStepOffset(0)))
        .expectNoEvents()
        .expectResultMessagePayload(VerificationOutcome.locked(TOTP, until, 3));
  }

  @Test
  void theLockEndsExactlyAtItsEnd() {
    Instant until = f.clock.instant();
    f.fixture
        .given(enrolledWith(new TwoFactorLocked(USER, ORG, until, 1)))
        .when(new VerifySecondFactor(USER, TOTP, f.codeForStepOffset(0)))
        .expectEvents(new SecondFactorVerified(USER, ORG, TOTP, f.currentStep()));
  }

  @Test
  void afterALockEndsTheCountStartsAgain() {
    Instant ended = f.clock.instant().minusSeconds(1);
    f.fixture
        .given(enrolledWith(failure(5), new TwoFactorLocked(USER, ORG, ended, 1)))
        .when(wrongCode())
        .expectEvents(failure(1));
  }

  @Test
  void eachFurtherLockDoublesUpToAnHour() {
    assertThat(List.of(1, 2, 3, 4, 5, 6, 20).stream().map(Lockout::durationOf).toList())
        .containsExactly(
            Duration.ofMinutes(5),
            Duration.ofMinutes(10),
            Duration.ofMinutes(20),
            Duration.ofMinutes(40),
            Duration.ofHours(1),
            Duration.ofHours(1),
            Duration.ofHours(1));
  }

  @Test
  void theSecondLockLastsTenMinutes() {
    Instant ended = f.clock.instant().minusSeconds(1);
    Instant until = f.clock.instant().plus(Duration.ofMinutes(10));
    f.fixture
        .given(
            enrolledWith(
                new TwoFactorLocked(USER, ORG, ended, 1),
                failure(1),
                failure(2),
                failure(3),
                failure(4)))
        .when(wrongCode())
        .expectEvents(failure(5), new TwoFactorLocked(USER, ORG, until, 2));
  }

  @Test
  void aSuccessClearsTheCountAndTheDoubling() {
    Instant ended = f.clock.instant().minusSeconds(1);
    Instant until = f.clock.instant().plus(Duration.ofMinutes(5));
    f.fixture
        .given(
            enrolledWith(
                new TwoFactorLocked(USER, ORG, ended, 3),
                new SecondFactorVerified(USER, ORG, TOTP, f.currentStep() - 1),
                failure(1),
                failure(2),
                failure(3),
                failure(4)))
        .when(wrongCode())
        .expectEvents(failure(5), new TwoFactorLocked(USER, ORG, until, 1));
  }

  @Test
  void aSuccessAfterFailuresStartsTheCountAfresh() {
    f.fixture
        .given(
            enrolledWith(
                failure(1),
                failure(2),
                new SecondFactorVerified(USER, ORG, TOTP, f.currentStep() - 1)))
        .when(wrongCode())
        .expectEvents(failure(1));
  }

  @Test
  void notEnrolledAttemptsCountTowardTheLockout() {
    Instant until = f.clock.instant().plus(Duration.ofMinutes(5));
    SecondFactorRejected[] failures = new SecondFactorRejected[4];
    for (int i = 0; i < 4; i++) {
      failures[i] = new SecondFactorRejected(USER, ORG, TOTP, RejectionReason.NOT_ENROLLED, i + 1);
    }
    f.fixture
        .given(REGISTERED, failures[0], failures[1], failures[2], failures[3])
        .when(new VerifySecondFactor(USER, TOTP, "123456"))
        .expectEvents(
            new SecondFactorRejected(USER, ORG, TOTP, RejectionReason.NOT_ENROLLED, 5),
            new TwoFactorLocked(USER, ORG, until, 1));
  }
}
