package com.onix.twofactor.command.twofactor;

import static com.onix.twofactor.command.testing.Refusals.refusedWith;
import static com.onix.twofactor.command.twofactor.TwoFactorFixture.ORG;
import static com.onix.twofactor.command.twofactor.TwoFactorFixture.OTHER_ORG;
import static com.onix.twofactor.command.twofactor.TwoFactorFixture.REGISTERED;
import static com.onix.twofactor.command.twofactor.TwoFactorFixture.USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.onix.twofactor.kernel.twofactor.RejectionReason;
import com.onix.twofactor.kernel.twofactor.ResetTwoFactor;
import com.onix.twofactor.kernel.twofactor.SecondFactorRejected;
import com.onix.twofactor.kernel.twofactor.StartTwoFactorSetup;
import com.onix.twofactor.kernel.twofactor.TwoFactorLocked;
import com.onix.twofactor.kernel.twofactor.TwoFactorReset;
import com.onix.twofactor.kernel.twofactor.TwoFactorSetupStarted;
import com.onix.twofactor.kernel.twofactor.VerificationMethod;
import com.onix.twofactor.kernel.twofactor.VerifySecondFactor;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResetTest {

  private final TwoFactorFixture f = new TwoFactorFixture();

  @Test
  void resetRecordsTheAdminTheReasonAndTheDestroyedKey() {
    f.fixture
        .given(REGISTERED, f.setupStarted(), f.setupCompleted())
        .when(new ResetTwoFactor(USER, ORG, "admin-1", "lost phone"))
        .expectEvents(new TwoFactorReset(USER, ORG, "admin-1", "lost phone", f.issued.keyId()));
  }

  @Test
  void resetDestroysTheDataKeySoTheOldSecretCannotBeRead() {
    f.fixture
        .given(REGISTERED, f.setupStarted(), f.setupCompleted())
        .when(new ResetTwoFactor(USER, ORG, "admin-1", null))
        .expectSuccessfulHandlerExecution();
    assertThat(f.keys.holds(f.issued.keyId())).isFalse();
    assertThat(f.secrets.reveal(USER, f.issued.keyId(), f.issued.encryptedSecret())).isEmpty();
  }

  @Test
  void afterResetTheUserIsNotEnrolled() {
    f.fixture
        .given(
            REGISTERED,
            f.setupStarted(),
            f.setupCompleted(),
            new TwoFactorReset(USER, ORG, "admin-1", null, f.issued.keyId()))
        .when(new VerifySecondFactor(USER, VerificationMethod.TOTP, f.codeForStepOffset(0)))
        .expectEvents(
            new SecondFactorRejected(
                USER, ORG, VerificationMethod.TOTP, RejectionReason.NOT_ENROLLED, 1));
  }

  @Test
  void resetClearsTheLock() {
    f.fixture
        .given(
            REGISTERED,
            f.setupStarted(),
            f.setupCompleted(),
            new TwoFactorLocked(USER, ORG, f.clock.instant().plus(Duration.ofMinutes(5)), 1),
            new TwoFactorReset(USER, ORG, "admin-1", null, f.issued.keyId()))
        .when(new VerifySecondFactor(USER, VerificationMethod.TOTP, "123456"))
        .expectEvents(
            new SecondFactorRejected(
                USER, ORG, VerificationMethod.TOTP, RejectionReason.NOT_ENROLLED, 1));
  }

  @Test
  void aNewSetupAfterResetGetsANewKey() {
    f.fixture
        .given(
            REGISTERED,
            f.setupStarted(),
            f.setupCompleted(),
            new TwoFactorReset(USER, ORG, "admin-1", null, f.issued.keyId()))
        .when(new StartTwoFactorSetup(USER))
        .expectEventsMatching(
            org.axonframework.test.matchers.Matchers.exactSequenceOf(
                org.axonframework.test.matchers.Matchers.messageWithPayload(
                    new org.hamcrest.CustomTypeSafeMatcher<TwoFactorSetupStarted>("a new key") {
                      @Override
                      protected boolean matchesSafely(TwoFactorSetupStarted started) {
                        return !started.keyId().equals(f.issued.keyId());
                      }
                    }),
                org.axonframework.test.matchers.Matchers.andNoMore()));
  }

  @Test
  void resetWithoutEnrollmentIsStillRecorded() {
    f.fixture
        .given(REGISTERED)
        .when(new ResetTwoFactor(USER, ORG, "admin-1", "precaution"))
        .expectEvents(new TwoFactorReset(USER, ORG, "admin-1", "precaution", null));
  }

  @Test
  void anAdminOfAnotherOrganizationCannotReset() {
    f.fixture
        .given(REGISTERED, f.setupStarted(), f.setupCompleted())
        .when(new ResetTwoFactor(USER, OTHER_ORG, "admin-9", null))
        .expectNoEvents()
        .expectException(refusedWith("UNKNOWN_USER"));
    assertThat(f.keys.holds(f.issued.keyId())).isTrue();
  }
}
