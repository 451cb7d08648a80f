package com.onix.twofactor.command.accesscode;

import static com.onix.twofactor.command.accesscode.AccessCodeFixture.CODE;
import static com.onix.twofactor.command.accesscode.AccessCodeFixture.CODE_ID;
import static com.onix.twofactor.command.accesscode.AccessCodeFixture.ORG;
import static com.onix.twofactor.command.accesscode.AccessCodeFixture.REGISTERED;
import static com.onix.twofactor.command.accesscode.AccessCodeFixture.START;
import static com.onix.twofactor.command.accesscode.AccessCodeFixture.USER;

import com.onix.twofactor.kernel.accesscode.AccessCodeRedeemed;
import com.onix.twofactor.kernel.accesscode.AccessCodeRevoked;
import com.onix.twofactor.kernel.accesscode.RevocationReason;
import com.onix.twofactor.kernel.twofactor.RefusalCode;
import com.onix.twofactor.kernel.twofactor.RejectionReason;
import com.onix.twofactor.kernel.twofactor.SecondFactorRejected;
import com.onix.twofactor.kernel.twofactor.SecondFactorVerified;
import com.onix.twofactor.kernel.twofactor.TwoFactorLocked;
import com.onix.twofactor.kernel.twofactor.TwoFactorReset;
import com.onix.twofactor.kernel.twofactor.VerificationMethod;
import com.onix.twofactor.kernel.twofactor.VerificationOutcome;
import com.onix.twofactor.kernel.twofactor.VerifySecondFactor;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedeemAccessCodeTest {

  private static final VerificationMethod ACCESS_CODE = VerificationMethod.ACCESS_CODE;

  private final AccessCodeFixture f = new AccessCodeFixture();

  private static VerifySecondFactor typed(String code) {
    return new VerifySecondFactor(USER, ACCESS_CODE, code);
  }

  private static SecondFactorRejected rejected(RejectionReason reason, int consecutive) {
    return new SecondFactorRejected(USER, ORG, ACCESS_CODE, reason, consecutive);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"ABCD2EFGH3JK", "ABCD-2EFG-H3JK", "abcd-2efg-h3jk", " abcd 2efg h3jk "})
  void theActiveCodeSignsInTypedInAnyCaseWithOrWithoutDashesAndSpaces(String typed) {
    f.fixture
        .given(REGISTERED, f.issued())
        .when(typed(typed))
        .expectEvents(
            new AccessCodeRedeemed(USER, ORG, CODE_ID),
            new SecondFactorVerified(USER, ORG, ACCESS_CODE, -1))
        .expectResultMessagePayload(VerificationOutcome.verified(ACCESS_CODE, 3));
  }

  @Test
  void crockfordLookAlikesAreReadAsDigits() {
    f.fixture
        .given(REGISTERED, f.issued(CODE_ID, "0123ABCD4567", START.plusSeconds(3600)))
        .when(typed("oI23-abcd-4567"))
        .expectEvents(
            new AccessCodeRedeemed(USER, ORG, CODE_ID),
            new SecondFactorVerified(USER, ORG, ACCESS_CODE, -1));
  }

  @Test
  void aCodeWorksOnce() {
    f.fixture
        .given(
            REGISTERED,
            f.issued(),
            new AccessCodeRedeemed(USER, ORG, CODE_ID),
            new SecondFactorVerified(USER, ORG, ACCESS_CODE, -1))
        .when(typed(CODE))
        .expectEvents(rejected(RejectionReason.USED_CODE, 1))
        .expectResultMessagePayload(
            VerificationOutcome.rejected(
                ACCESS_CODE, RejectionReason.USED_CODE, RefusalCode.NO_ACTIVE_ACCESS_CODE, 4, 4));
  }

  @Test
  void aCodeIsValidUntilJustBeforeItsExpiry() {
    f.clock.advance(Duration.ofHours(1).minusMillis(1));
    f.fixture
        .given(REGISTERED, f.issued())
        .when(typed(CODE))
        .expectEvents(
            new AccessCodeRedeemed(USER, ORG, CODE_ID),
            new SecondFactorVerified(USER, ORG, ACCESS_CODE, -1));
  }

  @Test
  void aCodeIsExpiredExactlyAtItsExpiry() {
    f.clock.advance(Duration.ofHours(1));
    f.fixture
        .given(REGISTERED, f.issued())
        .when(typed(CODE))
        .expectEvents(rejected(RejectionReason.EXPIRED_CODE, 1))
        .expectResultMessagePayload(
            VerificationOutcome.rejected(
                ACCESS_CODE,
                RejectionReason.EXPIRED_CODE,
                RefusalCode.NO_ACTIVE_ACCESS_CODE,
                4,
                2));
  }

  @Test
  void aRevokedCodeIsRejectedAsRevoked() {
    f.fixture
        .given(
            REGISTERED,
            f.issued(),
            new AccessCodeRevoked(USER, ORG, CODE_ID, RevocationReason.ADMIN))
        .when(typed(CODE))
        .expectEvents(rejected(RejectionReason.REVOKED_CODE, 1));
  }

  @Test
  void aSupersededCodeIsRejectedAsRevokedWhileTheNewOneIsActive() {
    f.fixture
        .given(
            REGISTERED,
            f.issued(),
            new AccessCodeRevoked(USER, ORG, CODE_ID, RevocationReason.SUPERSEDED),
            f.issued(
                "2f1e0d9c-8b7a-4654-9382-71605f4e3d2c", "ZZZZ2222YYYY", START.plusSeconds(3600)))
        .when(typed(CODE))
        .expectEvents(rejected(RejectionReason.REVOKED_CODE, 1))
        .expectResultMessagePayload(
            VerificationOutcome.rejected(
                ACCESS_CODE, RejectionReason.REVOKED_CODE, RefusalCode.INVALID_CODE, 4, 4));
  }

  @Test
  void aWrongCodeIsRejectedWhileTheRightOneStaysActive() {
    f.fixture
        .given(REGISTERED, f.issued())
        .when(typed("ZZZZ-ZZZZ-ZZZZ"))
        .expectEvents(rejected(RejectionReason.WRONG_CODE, 1))
        .expectResultMessagePayload(
            VerificationOutcome.rejected(
                ACCESS_CODE, RejectionReason.WRONG_CODE, RefusalCode.INVALID_CODE, 4, 2));
  }

  @Test
  void withoutAnyCodeTheAttemptIsNoActiveAccessCode() {
    f.fixture
        .given(REGISTERED)
        .when(typed(CODE))
        .expectEvents(rejected(RejectionReason.NO_ACTIVE_ACCESS_CODE, 1));
  }

  @Test
  void aResetRevokesTheCode() {
    f.fixture
        .given(
            REGISTERED,
            f.issued(),
            new AccessCodeRevoked(USER, ORG, CODE_ID, RevocationReason.RESET),
            new TwoFactorReset(USER, ORG, "admin-1", null, null))
        .when(typed(CODE))
        .expectEvents(rejected(RejectionReason.REVOKED_CODE, 1));
  }

  @Test
  void rejectedCodesCountTowardTheLockout() {
    f.fixture
        .given(
            REGISTERED,
            f.issued(),
            rejected(RejectionReason.WRONG_CODE, 1),
            rejected(RejectionReason.WRONG_CODE, 2),
            rejected(RejectionReason.WRONG_CODE, 3),
            rejected(RejectionReason.WRONG_CODE, 4))
        .when(typed("ZZZZ-ZZZZ-ZZZZ"))
        .expectEvents(
            rejected(RejectionReason.WRONG_CODE, 5),
            new TwoFactorLocked(USER, ORG, START.plus(Duration.ofMinutes(5)), 1));
  }

  @Test
  void whileLockedEvenTheRightCodeIsNotChecked() {
    f.fixture
        .given(REGISTERED, f.issued(), new TwoFactorLocked(USER, ORG, START.plusSeconds(60), 1))
        .when(typed(CODE))
        .expectNoEvents()
        .expectResultMessagePayload(
            VerificationOutcome.locked(ACCESS_CODE, START.plusSeconds(60), 2));
  }

  @Test
  void movingTheUserToEntraIdRevokesTheCode() {
    f.fixture
        .given(REGISTERED, f.issued())
        .when(
            new com.onix.twofactor.kernel.user.ChangeSignInMethod(
                USER, ORG, com.onix.twofactor.kernel.user.SignInMethod.ENTRA_ID))
        .expectEvents(
            new com.onix.twofactor.kernel.user.SignInMethodChanged(
                USER,
                ORG,
                com.onix.twofactor.kernel.user.SignInMethod.PASSWORD,
                com.onix.twofactor.kernel.user.SignInMethod.ENTRA_ID),
            new AccessCodeRevoked(USER, ORG, CODE_ID, RevocationReason.ADMIN));
  }

  @Test
  void anEntraIdUserCannotSignInWithAnAccessCode() {
    f.fixture
        .given(
            REGISTERED,
            f.issued(),
            new com.onix.twofactor.kernel.user.SignInMethodChanged(
                USER,
                ORG,
                com.onix.twofactor.kernel.user.SignInMethod.PASSWORD,
                com.onix.twofactor.kernel.user.SignInMethod.ENTRA_ID))
        .when(typed(CODE))
        .expectEvents(rejected(RejectionReason.NO_ACTIVE_ACCESS_CODE, 1));
  }
}
