package com.onix.twofactor.query.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.onix.twofactor.kernel.user.SignInMethod;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** docs/http-api.md's twoFactor table, row by row, and the precedence between its rows. */
class UserDocumentRequirementTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123456789Z");
  private static final Instant LATER = NOW.plus(Duration.ofMinutes(5));
  private static final Instant EARLIER = NOW.minus(Duration.ofMinutes(5));
  private static final Instant NO_LOCK = null;
  private static final Instant NO_CODE = null;

  private static UserDocument user(
      SignInMethod signInMethod, Enrollment enrollment, Instant lockedUntil, Instant codeExpiry) {
    return new UserDocument(
        "3f0a1c9e-2b6d-4c1e-9a7b-5d8e0f1a2b3c",
        "9b2c7d4e-1a3f-4e5d-8c6b-7a9f0e1d2c3b",
        "ann@example.org",
        "Ann",
        signInMethod,
        enrollment,
        enrollment == Enrollment.ACTIVE ? EARLIER : null,
        null,
        codeExpiry == null ? null : new UserDocument.AccessCode("code-1", codeExpiry),
        lockedUntil);
  }

  private static UserDocument.Requirement at(
      Instant now, UserDocument user, boolean policyRequired) {
    return user.requirementAt(now, policyRequired);
  }

  // EXEMPT

  @Test
  void entraIdUserIsExemptWithNoMethods() {
    var requirement =
        at(NOW, user(SignInMethod.ENTRA_ID, Enrollment.NONE, NO_LOCK, NO_CODE), false);

    assertThat(requirement.twoFactor()).isEqualTo(TwoFactorStatus.EXEMPT);
    assertThat(requirement.methods()).isEmpty();
    assertThat(requirement.lockedUntil()).isNull();
  }

  @Test
  void entraIdUserIsExemptWhenThePolicyRequiresTwoFactor() {
    var requirement = at(NOW, user(SignInMethod.ENTRA_ID, Enrollment.NONE, NO_LOCK, NO_CODE), true);

    assertThat(requirement.twoFactor()).isEqualTo(TwoFactorStatus.EXEMPT);
    assertThat(requirement.methods()).isEmpty();
  }

  @Test
  void entraIdBeatsLock() {
    var requirement = at(NOW, user(SignInMethod.ENTRA_ID, Enrollment.ACTIVE, LATER, NO_CODE), true);

    assertThat(requirement.twoFactor()).isEqualTo(TwoFactorStatus.EXEMPT);
    assertThat(requirement.methods()).isEmpty();
  }

  @Test
  void entraIdBeatsActiveEnrollmentAndValidAccessCode() {
    var requirement = at(NOW, user(SignInMethod.ENTRA_ID, Enrollment.ACTIVE, NO_LOCK, LATER), true);

    assertThat(requirement.twoFactor()).isEqualTo(TwoFactorStatus.EXEMPT);
    assertThat(requirement.methods()).isEmpty();
  }

  // LOCKED

  @Test
  void lockedUserIsLockedWithNoMethodsAndLockedUntilSet() {
    var requirement =
        at(NOW, user(SignInMethod.PASSWORD, Enrollment.ACTIVE, LATER, NO_CODE), false);

    assertThat(requirement.twoFactor()).isEqualTo(TwoFactorStatus.LOCKED);
    assertThat(requirement.methods()).isEmpty();
    assertThat(requirement.lockedUntil()).isEqualTo(LATER);
  }

  @Test
  void lockBeatsEnrollment() {
    var requirement = at(NOW, user(SignInMethod.PASSWORD, Enrollment.ACTIVE, LATER, NO_CODE), true);

    assertThat(requirement.twoFactor()).isEqualTo(TwoFactorStatus.LOCKED);
  }

  @Test
  void lockBeatsSetupRequired() {
    var requirement = at(NOW, user(SignInMethod.PASSWORD, Enrollment.NONE, LATER, NO_CODE), true);

    assertThat(requirement.twoFactor()).isEqualTo(TwoFactorStatus.LOCKED);
    assertThat(requirement.methods()).isEmpty();
  }

  @Test
  void lockBeatsNotRequired() {
    var requirement = at(NOW, user(SignInMethod.PASSWORD, Enrollment.NONE, LATER, NO_CODE), false);

    assertThat(requirement.twoFactor()).isEqualTo(TwoFactorStatus.LOCKED);
  }

  @Test
  void lockHidesAValidAccessCode() {
    var requirement = at(NOW, user(SignInMethod.PASSWORD, Enrollment.ACTIVE, LATER, LATER), false);

    assertThat(requirement.twoFactor()).isEqualTo(TwoFactorStatus.LOCKED);
    assertThat(requirement.methods()).isEmpty();
  }

  @Test
  void lockHoldsUntilJustBeforeLockedUntil() {
    var requirement =
        at(
            LATER.minusNanos(1),
            user(SignInMethod.PASSWORD, Enrollment.ACTIVE, LATER, NO_CODE),
            false);

    assertThat(requirement.twoFactor()).isEqualTo(TwoFactorStatus.LOCKED);
  }

  @Test
  void lockEndsExactlyAtLockedUntil() {
    var requirement =
        at(LATER, user(SignInMethod.PASSWORD, Enrollment.ACTIVE, LATER, NO_CODE), false);

    assertThat(requirement.twoFactor()).isEqualTo(TwoFactorStatus.VERIFICATION_REQUIRED);
    assertThat(requirement.methods()).containsExactly("TOTP");
    assertThat(requirement.lockedUntil()).isNull();
  }

  @Test
  void endedLockIsNotReported() {
    var requirement =
        at(NOW, user(SignInMethod.PASSWORD, Enrollment.NONE, EARLIER, NO_CODE), false);

    assertThat(requirement.twoFactor()).isEqualTo(TwoFactorStatus.NOT_REQUIRED);
    assertThat(requirement.lockedUntil()).isNull();
    assertThat(user(SignInMethod.PASSWORD, Enrollment.NONE, EARLIER, NO_CODE).lockedAt(NOW))
        .isFalse();
  }

  // VERIFICATION_REQUIRED

  @Test
  void activeEnrollmentRequiresVerificationWithTotp() {
    var requirement =
        at(NOW, user(SignInMethod.PASSWORD, Enrollment.ACTIVE, NO_LOCK, NO_CODE), false);

    assertThat(requirement.twoFactor()).isEqualTo(TwoFactorStatus.VERIFICATION_REQUIRED);
    assertThat(requirement.methods()).containsExactly("TOTP");
    assertThat(requirement.lockedUntil()).isNull();
  }

  @Test
  void activeEnrollmentRequiresVerificationWhenThePolicyRequiresTwoFactor() {
    var requirement =
        at(NOW, user(SignInMethod.PASSWORD, Enrollment.ACTIVE, NO_LOCK, NO_CODE), true);

    assertThat(requirement.twoFactor()).isEqualTo(TwoFactorStatus.VERIFICATION_REQUIRED);
    assertThat(requirement.methods()).containsExactly("TOTP");
  }

  @Test
  void verificationAlsoOffersAValidAccessCode() {
    var requirement = at(NOW, user(SignInMethod.PASSWORD, Enrollment.ACTIVE, NO_LOCK, LATER), true);

    assertThat(requirement.twoFactor()).isEqualTo(TwoFactorStatus.VERIFICATION_REQUIRED);
    assertThat(requirement.methods()).containsExactly("TOTP", "ACCESS_CODE");
  }

  // SETUP_REQUIRED

  @Test
  void requiredPolicyWithoutEnrollmentRequiresSetup() {
    var requirement = at(NOW, user(SignInMethod.PASSWORD, Enrollment.NONE, NO_LOCK, NO_CODE), true);

    assertThat(requirement.twoFactor()).isEqualTo(TwoFactorStatus.SETUP_REQUIRED);
    assertThat(requirement.methods()).containsExactly("TOTP_SETUP");
    assertThat(requirement.lockedUntil()).isNull();
  }

  @Test
  void pendingEnrollmentIsNoActiveEnrollmentSoSetupIsStillRequired() {
    var requirement =
        at(NOW, user(SignInMethod.PASSWORD, Enrollment.PENDING, NO_LOCK, NO_CODE), true);

    assertThat(requirement.twoFactor()).isEqualTo(TwoFactorStatus.SETUP_REQUIRED);
    assertThat(requirement.methods()).containsExactly("TOTP_SETUP");
  }

  @Test
  void setupAlsoOffersAValidAccessCode() {
    var requirement = at(NOW, user(SignInMethod.PASSWORD, Enrollment.NONE, NO_LOCK, LATER), true);

    assertThat(requirement.twoFactor()).isEqualTo(TwoFactorStatus.SETUP_REQUIRED);
    assertThat(requirement.methods()).containsExactly("TOTP_SETUP", "ACCESS_CODE");
  }

  // NOT_REQUIRED

  @Test
  void noPolicyAndNoEnrollmentRequiresNothing() {
    var requirement =
        at(NOW, user(SignInMethod.PASSWORD, Enrollment.NONE, NO_LOCK, NO_CODE), false);

    assertThat(requirement.twoFactor()).isEqualTo(TwoFactorStatus.NOT_REQUIRED);
    assertThat(requirement.methods()).isEmpty();
    assertThat(requirement.lockedUntil()).isNull();
  }

  @Test
  void pendingEnrollmentWithoutPolicyRequiresNothing() {
    var requirement =
        at(NOW, user(SignInMethod.PASSWORD, Enrollment.PENDING, NO_LOCK, NO_CODE), false);

    assertThat(requirement.twoFactor()).isEqualTo(TwoFactorStatus.NOT_REQUIRED);
    assertThat(requirement.methods()).isEmpty();
  }

  @Test
  void notRequiredStillOffersAValidAccessCode() {
    var requirement = at(NOW, user(SignInMethod.PASSWORD, Enrollment.NONE, NO_LOCK, LATER), false);

    assertThat(requirement.twoFactor()).isEqualTo(TwoFactorStatus.NOT_REQUIRED);
    assertThat(requirement.methods()).containsExactly("ACCESS_CODE");
  }

  // ACCESS_CODE: only while now < expiresAt

  @Test
  void accessCodeIsOfferedUntilJustBeforeItsExpiry() {
    UserDocument user = user(SignInMethod.PASSWORD, Enrollment.ACTIVE, NO_LOCK, LATER);

    assertThat(at(LATER.minusNanos(1), user, false).methods())
        .containsExactly("TOTP", "ACCESS_CODE");
    assertThat(user.activeAccessCodeAt(LATER.minusNanos(1))).isEqualTo(user.accessCode());
  }

  @Test
  void accessCodeIsGoneExactlyAtItsExpiry() {
    UserDocument user = user(SignInMethod.PASSWORD, Enrollment.ACTIVE, NO_LOCK, LATER);

    assertThat(at(LATER, user, false).methods()).containsExactly("TOTP");
    assertThat(user.activeAccessCodeAt(LATER)).isNull();
  }

  @Test
  void expiredAccessCodeIsNotOffered() {
    var requirement =
        at(NOW, user(SignInMethod.PASSWORD, Enrollment.NONE, NO_LOCK, EARLIER), false);

    assertThat(requirement.twoFactor()).isEqualTo(TwoFactorStatus.NOT_REQUIRED);
    assertThat(requirement.methods()).isEmpty();
  }

  @Test
  void lockEndingExactlyNowReopensTheAccessCode() {
    var requirement =
        at(LATER, user(SignInMethod.PASSWORD, Enrollment.NONE, LATER, LATER.plusSeconds(60)), true);

    assertThat(requirement.twoFactor()).isEqualTo(TwoFactorStatus.SETUP_REQUIRED);
    assertThat(requirement.methods()).containsExactly("TOTP_SETUP", "ACCESS_CODE");
  }

  // EMAIL_CODE

  @Test
  void anActiveEnrollmentMayUseACodeByEmailWhenTheOrganizationAllowsIt() {
    var requirement =
        user(SignInMethod.PASSWORD, Enrollment.ACTIVE, NO_LOCK, LATER)
            .requirementAt(NOW, false, true);

    assertThat(requirement.methods()).containsExactly("TOTP", "EMAIL_CODE", "ACCESS_CODE");
  }

  @Test
  void noCodeByEmailWithoutAnActiveEnrollmentEvenWhenAllowed() {
    var requirement =
        user(SignInMethod.PASSWORD, Enrollment.PENDING, NO_LOCK, NO_CODE)
            .requirementAt(NOW, true, true);

    assertThat(requirement.methods()).containsExactly("TOTP_SETUP");
  }

  @Test
  void noCodeByEmailWhileLocked() {
    var requirement =
        user(SignInMethod.PASSWORD, Enrollment.ACTIVE, LATER, NO_CODE)
            .requirementAt(NOW, false, true);

    assertThat(requirement.methods()).isEmpty();
  }

  @Test
  void noCodeByEmailWhenTheOrganizationDoesNotAllowIt() {
    var requirement =
        user(SignInMethod.PASSWORD, Enrollment.ACTIVE, NO_LOCK, NO_CODE)
            .requirementAt(NOW, false, false);

    assertThat(requirement.methods()).containsExactly("TOTP");
  }
}
