package com.onix.twofactor.command.twofactor;

import static com.onix.twofactor.command.twofactor.TwoFactorFixture.ORG;
import static com.onix.twofactor.command.twofactor.TwoFactorFixture.REGISTERED;
import static com.onix.twofactor.command.twofactor.TwoFactorFixture.USER;

import com.onix.twofactor.kernel.twofactor.RefusalCode;
import com.onix.twofactor.kernel.twofactor.RejectionReason;
import com.onix.twofactor.kernel.twofactor.SecondFactorRejected;
import com.onix.twofactor.kernel.twofactor.SecondFactorVerified;
import com.onix.twofactor.kernel.twofactor.VerificationMethod;
import com.onix.twofactor.kernel.twofactor.VerificationOutcome;
import com.onix.twofactor.kernel.twofactor.VerifySecondFactor;
import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.kernel.user.SignInMethodChanged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VerificationTest {

  private static final VerificationMethod TOTP = VerificationMethod.TOTP;

  private final TwoFactorFixture f = new TwoFactorFixture();

  private VerifySecondFactor code(String code) {
    return new VerifySecondFactor(USER, TOTP, code);
  }

  @ParameterizedTest(name = "step offset {0}")
  @ValueSource(ints = {-1, 0, 1})
  void aCodeWithinOneStepOfSkewIsAccepted(int offset) {
    // Enrolled two steps back, so the previous step is not used up yet.
    f.fixture
        .given(
            REGISTERED,
            f.setupStarted(),
            new com.onix.twofactor.kernel.twofactor.TwoFactorSetupCompleted(
                USER, ORG, f.currentStep() - 2))
        .when(code(f.codeForStepOffset(offset)))
        .expectEvents(new SecondFactorVerified(USER, ORG, TOTP, f.currentStep() + offset))
        .expectResultMessagePayload(VerificationOutcome.verified(TOTP, 3));
  }

  @ParameterizedTest(name = "step offset {0}")
  @ValueSource(ints = {-3, -2, 2, 3})
  void aCodeOutsideTheSkewWindowIsAWrongCode(int offset) {
    f.fixture
        .given(REGISTERED, f.setupStarted(), f.setupCompleted())
        .when(code(f.codeForStepOffset(offset)))
        .expectEvents(new SecondFactorRejected(USER, ORG, TOTP, RejectionReason.WRONG_CODE, 1))
        .expectResultMessagePayload(
            VerificationOutcome.rejected(
                TOTP, RejectionReason.WRONG_CODE, RefusalCode.INVALID_CODE, 4, 3));
  }

  @Test
  void theSameCodeTwiceIsAReplay() {
    f.fixture
        .given(
            REGISTERED,
            f.setupStarted(),
            f.setupCompleted(),
            new SecondFactorVerified(USER, ORG, TOTP, f.currentStep()))
        .when(code(f.codeForStepOffset(0)))
        .expectEvents(new SecondFactorRejected(USER, ORG, TOTP, RejectionReason.REPLAYED_CODE, 1));
  }

  @Test
  void aCodeOfAStepBeforeTheLastAcceptedOneIsAReplay() {
    f.fixture
        .given(
            REGISTERED,
            f.setupStarted(),
            f.setupCompleted(),
            new SecondFactorVerified(USER, ORG, TOTP, f.currentStep() + 1))
        .when(code(f.codeForStepOffset(0)))
        .expectEvents(new SecondFactorRejected(USER, ORG, TOTP, RejectionReason.REPLAYED_CODE, 1));
  }

  @Test
  void theCodeThatConfirmedTheSetupCannotSignIn() {
    f.fixture
        .given(
            REGISTERED,
            f.setupStarted(),
            new com.onix.twofactor.kernel.twofactor.TwoFactorSetupCompleted(
                USER, ORG, f.currentStep()))
        .when(code(f.codeForStepOffset(0)))
        .expectEvents(new SecondFactorRejected(USER, ORG, TOTP, RejectionReason.REPLAYED_CODE, 1));
  }

  @Test
  void aUserWithoutActiveEnrollmentIsNotEnrolled() {
    f.fixture
        .given(REGISTERED, f.setupStarted())
        .when(code(f.codeForStepOffset(0)))
        .expectEvents(new SecondFactorRejected(USER, ORG, TOTP, RejectionReason.NOT_ENROLLED, 1))
        .expectResultMessagePayload(
            VerificationOutcome.rejected(
                TOTP, RejectionReason.NOT_ENROLLED, RefusalCode.NOT_ENROLLED, 4, 2));
  }

  @Test
  void anEnrolledUserMovedToEntraIdIsNotVerifiedByTotp() {
    f.fixture
        .given(
            REGISTERED,
            f.setupStarted(),
            f.setupCompleted(),
            new SignInMethodChanged(USER, ORG, SignInMethod.PASSWORD, SignInMethod.ENTRA_ID))
        .when(code(f.codeForStepOffset(0)))
        .expectEvents(new SecondFactorRejected(USER, ORG, TOTP, RejectionReason.NOT_ENROLLED, 1));
  }

  @Test
  void codesAreAcceptedWithSpacesBetweenDigits() {
    String code = f.codeForStepOffset(0);
    f.fixture
        .given(REGISTERED, f.setupStarted(), f.setupCompleted())
        .when(code(code.substring(0, 3) + " " + code.substring(3)))
        .expectEvents(new SecondFactorVerified(USER, ORG, TOTP, f.currentStep()));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "12345", "1234567", "abcdef", "12345x"})
  void aCodeThatIsNotSixDigitsIsAWrongCode(String malformed) {
    f.fixture
        .given(REGISTERED, f.setupStarted(), f.setupCompleted())
        .when(code(malformed))
        .expectEvents(new SecondFactorRejected(USER, ORG, TOTP, RejectionReason.WRONG_CODE, 1));
  }
}
