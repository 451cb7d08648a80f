package com.onix.twofactor.command.emailcode;

import static com.onix.twofactor.command.emailcode.EmailCodeFixture.ORG;
import static com.onix.twofactor.command.emailcode.EmailCodeFixture.REGISTERED;
import static com.onix.twofactor.command.emailcode.EmailCodeFixture.START;
import static com.onix.twofactor.command.emailcode.EmailCodeFixture.USER;

import com.onix.twofactor.kernel.emailcode.EmailCodeSent;
import com.onix.twofactor.kernel.emailcode.EmailCodeUndeliverable;
import com.onix.twofactor.kernel.twofactor.RejectionReason;
import com.onix.twofactor.kernel.twofactor.SecondFactorRejected;
import com.onix.twofactor.kernel.twofactor.SecondFactorVerified;
import com.onix.twofactor.kernel.twofactor.TwoFactorLocked;
import com.onix.twofactor.kernel.twofactor.TwoFactorReset;
import com.onix.twofactor.kernel.twofactor.VerificationMethod;
import com.onix.twofactor.kernel.twofactor.VerificationOutcome;
import com.onix.twofactor.kernel.twofactor.VerifySecondFactor;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class VerifyEmailCodeTest {

  private static final VerificationMethod EMAIL = VerificationMethod.EMAIL_CODE;

  private final EmailCodeFixture f = new EmailCodeFixture();
  private final EmailCodeSent sent = f.sent("31415926", START.minusSeconds(60));

  private VerifySecondFactor typed(String code) {
    return new VerifySecondFactor(USER, EMAIL, code);
  }

  @Test
  void theMailedCodeVerifiesTheSignIn() {
    f.fixture
        .given(REGISTERED, f.setupStarted(), f.setupCompleted(), sent)
        .when(typed("3141 5926"))
        .expectEvents(new SecondFactorVerified(USER, ORG, EMAIL, -1))
        .expectResultMessagePayload(VerificationOutcome.verified(EMAIL, 4));
  }

  @Test
  void aCodeWorksOnlyOnce() {
    f.fixture
        .given(
            REGISTERED,
            f.setupStarted(),
            f.setupCompleted(),
            sent,
            new SecondFactorVerified(USER, ORG, EMAIL, -1))
        .when(typed("31415926"))
        .expectEvents(
            new SecondFactorRejected(USER, ORG, EMAIL, RejectionReason.NO_ACTIVE_EMAIL_CODE, 1));
  }

  @Test
  void aNewerCodeInvalidatesThePreviousOne() {
    f.fixture
        .given(
            REGISTERED,
            f.setupStarted(),
            f.setupCompleted(),
            sent,
            f.sent("27182818", START.minusSeconds(30)))
        .when(typed("31415926"))
        .expectEvents(new SecondFactorRejected(USER, ORG, EMAIL, RejectionReason.WRONG_CODE, 1));
  }

  @Test
  void aCodeOlderThanTenMinutesIsNoLongerActive() {
    f.clock.advance(Duration.ofMinutes(10));
    f.fixture
        .given(REGISTERED, f.setupStarted(), f.setupCompleted(), sent)
        .when(typed("31415926"))
        .expectEvents(
            new SecondFactorRejected(USER, ORG, EMAIL, RejectionReason.NO_ACTIVE_EMAIL_CODE, 1));
  }

  @Test
  void theFifthWrongCodeLocksLikeAnyOtherMethod() {
    f.fixture
        .given(
            REGISTERED,
            f.setupStarted(),
            f.setupCompleted(),
            sent,
            new SecondFactorRejected(USER, ORG, EMAIL, RejectionReason.WRONG_CODE, 4))
        .when(typed("00000000"))
        .expectEvents(
            new SecondFactorRejected(USER, ORG, EMAIL, RejectionReason.WRONG_CODE, 5),
            new TwoFactorLocked(
                USER, ORG, START.plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MILLIS), 1));
  }

  @Test
  void aCodeWhoseMailWasRefusedIsAnsweredUndeliverable() {
    f.fixture
        .given(
            REGISTERED,
            f.setupStarted(),
            f.setupCompleted(),
            sent,
            new EmailCodeUndeliverable(USER, ORG, sent.emailCodeId(), 550))
        .when(typed("31415926"))
        .expectEvents(
            new SecondFactorRejected(USER, ORG, EMAIL, RejectionReason.EMAIL_UNDELIVERABLE, 1));
  }

  @Test
  void aResetVoidsThePendingCode() {
    f.fixture
        .given(
            REGISTERED,
            f.setupStarted(),
            f.setupCompleted(),
            sent,
            new TwoFactorReset(USER, ORG, "admin", null, f.issued.keyId()))
        .when(typed("31415926"))
        .expectEvents(new SecondFactorRejected(USER, ORG, EMAIL, RejectionReason.NOT_ENROLLED, 1));
  }

  @Test
  void codesStopWorkingWhenTheOrganizationNoLongerAllowsThem() {
    f.allowed = false;
    f.fixture
        .given(REGISTERED, f.setupStarted(), f.setupCompleted(), sent)
        .when(typed("31415926"))
        .expectEvents(
            new SecondFactorRejected(USER, ORG, EMAIL, RejectionReason.NO_ACTIVE_EMAIL_CODE, 1));
  }
}
