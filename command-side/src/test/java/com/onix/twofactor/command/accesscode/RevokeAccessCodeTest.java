package com.onix.twofactor.command.accesscode;

import static com.onix.twofactor.command.accesscode.AccessCodeFixture.CODE_ID;
import static com.onix.twofactor.command.accesscode.AccessCodeFixture.ORG;
import static com.onix.twofactor.command.accesscode.AccessCodeFixture.OTHER_ORG;
import static com.onix.twofactor.command.accesscode.AccessCodeFixture.REGISTERED;
import static com.onix.twofactor.command.accesscode.AccessCodeFixture.USER;
import static com.onix.twofactor.command.testing.Refusals.refusedWith;

import com.onix.twofactor.kernel.accesscode.AccessCodeRedeemed;
import com.onix.twofactor.kernel.accesscode.AccessCodeRevoked;
import com.onix.twofactor.kernel.accesscode.RevocationReason;
import com.onix.twofactor.kernel.accesscode.RevokeAccessCode;
import com.onix.twofactor.kernel.twofactor.ResetTwoFactor;
import com.onix.twofactor.kernel.twofactor.TwoFactorReset;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RevokeAccessCodeTest {

  private final AccessCodeFixture f = new AccessCodeFixture();

  @Test
  void anAdminRevokesTheActiveCode() {
    f.fixture
        .given(REGISTERED, f.issued())
        .when(new RevokeAccessCode(USER, ORG, CODE_ID))
        .expectEvents(new AccessCodeRevoked(USER, ORG, CODE_ID, RevocationReason.ADMIN));
  }

  @Test
  void revokingAnUnknownCodeIsRefused() {
    f.fixture
        .given(REGISTERED, f.issued())
        .when(new RevokeAccessCode(USER, ORG, "00000000-0000-4000-8000-000000000000"))
        .expectNoEvents()
        .expectException(refusedWith("UNKNOWN_ACCESS_CODE"));
  }

  @Test
  void revokingAUsedCodeIsRefused() {
    f.fixture
        .given(REGISTERED, f.issued(), new AccessCodeRedeemed(USER, ORG, CODE_ID))
        .when(new RevokeAccessCode(USER, ORG, CODE_ID))
        .expectNoEvents()
        .expectException(refusedWith("UNKNOWN_ACCESS_CODE"));
  }

  @Test
  void revokingAnExpiredCodeIsRefused() {
    f.clock.advance(Duration.ofHours(1));
    f.fixture
        .given(REGISTERED, f.issued())
        .when(new RevokeAccessCode(USER, ORG, CODE_ID))
        .expectNoEvents()
        .expectException(refusedWith("UNKNOWN_ACCESS_CODE"));
  }

  @Test
  void anAdminOfAnotherOrganizationCannotRevoke() {
    f.fixture
        .given(REGISTERED, f.issued())
        .when(new RevokeAccessCode(USER, OTHER_ORG, CODE_ID))
        .expectNoEvents()
        .expectException(refusedWith("UNKNOWN_USER"));
  }

  @Test
  void aResetRevokesTheActiveCodeWithReasonReset() {
    f.fixture
        .given(REGISTERED, f.issued())
        .when(new ResetTwoFactor(USER, ORG, "admin-1", null))
        .expectEvents(
            new AccessCodeRevoked(USER, ORG, CODE_ID, RevocationReason.RESET),
            new TwoFactorReset(USER, ORG, "admin-1", null, null));
  }
}
