package com.onix.twofactor.command.accesscode;

import static com.onix.twofactor.command.accesscode.AccessCodeFixture.CODE_ID;
import static com.onix.twofactor.command.accesscode.AccessCodeFixture.ORG;
import static com.onix.twofactor.command.accesscode.AccessCodeFixture.OTHER_ORG;
import static com.onix.twofactor.command.accesscode.AccessCodeFixture.REGISTERED;
import static com.onix.twofactor.command.accesscode.AccessCodeFixture.REGISTERED_WITH_ENTRA;
import static com.onix.twofactor.command.accesscode.AccessCodeFixture.START;
import static com.onix.twofactor.command.accesscode.AccessCodeFixture.USER;
import static com.onix.twofactor.command.testing.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;

import com.onix.twofactor.kernel.accesscode.AccessCodeIssued;
import com.onix.twofactor.kernel.accesscode.AccessCodeRevoked;
import com.onix.twofactor.kernel.accesscode.IssueAccessCode;
import com.onix.twofactor.kernel.accesscode.IssuedAccessCode;
import com.onix.twofactor.kernel.accesscode.RevocationReason;
import com.onix.twofactor.kernel.twofactor.RejectionReason;
import com.onix.twofactor.kernel.twofactor.SecondFactorRejected;
import com.onix.twofactor.kernel.twofactor.TwoFactorLocked;
import com.onix.twofactor.kernel.twofactor.TwoFactorSetupStarted;
import com.onix.twofactor.kernel.twofactor.TwoFactorUnlocked;
import com.onix.twofactor.kernel.twofactor.UnlockCause;
import com.onix.twofactor.kernel.twofactor.VerificationMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IssueAccessCodeTest {

  private final AccessCodeFixture f = new AccessCodeFixture();

  private static IssueAccessCode issue(Duration lifetime) {
    return new IssueAccessCode(USER, ORG, "admin-1", lifetime);
  }

  @Test
  void issuingRecordsOnlyAKeyedHashTheExpiryAndTheAdmin() {
    List<IssuedAccessCode> shown = new ArrayList<>();
    List<AccessCodeIssued> recorded = new ArrayList<>();
    f.fixture
        .given(REGISTERED)
        .when(issue(Duration.ofMinutes(60)))
        .expectResultMessagePayloadMatching(capturing(shown))
        .expectEventsMatching(
            exactSequenceOf(messageWithPayload(capturing(recorded)), andNoMore()));
    IssuedAccessCode code = shown.get(0);
    AccessCodeIssued event = recorded.get(0);
    assertThat(code.code())
        .matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
    assertThat(event.codeHash()).isEqualTo(f.hasher.hash(code.code().replace("-", "")));
    assertThat(event.toString())
        .doesNotContain(code.code())
        .doesNotContain(code.code().replace("-", ""));
    assertThat(event.expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(60)));
    assertThat(code.expiresAt()).isEqualTo(event.expiresAt());
    assertThat(event.accessCodeId()).isEqualTo(code.accessCodeId());
    assertThat(event.issuedBy()).isEqualTo("admin-1");
  }

  @ParameterizedTest(name = "{0} minutes")
  @ValueSource(longs = {10, 60, 43_200})
  void lifetimesFromTenMinutesToThirtyDaysAreAccepted(long minutes) {
    f.fixture
        .given(REGISTERED)
        .when(issue(Duration.ofMinutes(minutes)))
        .expectSuccessfulHandlerExecution();
  }

  @ParameterizedTest(name = "{0} minutes")
  @ValueSource(longs = {-5, 0, 9, 43_201, 100_000})
  void lifetimesOutsideTenMinutesToThirtyDaysAreRefused(long minutes) {
    f.fixture
        .given(REGISTERED)
        .when(issue(Duration.ofMinutes(minutes)))
        .expectNoEvents()
        .expectException(refusedWith("INVALID_LIFETIME"));
  }

  @Test
  void issuingAgainRevokesThePreviousCodeAsSuperseded() {
    f.fixture
        .given(REGISTERED, f.issued())
        .when(issue(Duration.ofMinutes(60)))
        .expectEventsMatching(
            exactSequenceOf(
                messageWithPayload(
                    matches(
                        (Object p) ->
                            p.equals(
                                new AccessCodeRevoked(
                                    USER, ORG, CODE_ID, RevocationReason.SUPERSEDED)))),
                messageWithPayload(matches((Object p) -> p instanceof AccessCodeIssued)),
                andNoMore()));
  }

  @Test
  void anExpiredPreviousCodeIsNotRevokedAgain() {
    f.clock.advance(Duration.ofHours(2));
    f.fixture
        .given(REGISTERED, f.issued())
        .when(issue(Duration.ofMinutes(60)))
        .expectEventsMatching(
            exactSequenceOf(
                messageWithPayload(matches((Object p) -> p instanceof AccessCodeIssued)),
                andNoMore()));
  }

  @Test
  void issuingClearsALockoutAndSaysSo() {
    f.fixture
        .given(
            REGISTERED,
            new SecondFactorRejected(
                USER, ORG, VerificationMethod.TOTP, RejectionReason.NOT_ENROLLED, 5),
            new TwoFactorLocked(USER, ORG, START.plus(Duration.ofMinutes(5)), 1))
        .when(issue(Duration.ofMinutes(60)))
        .expectEventsMatching(
            exactSequenceOf(
                messageWithPayload(
                    matches(
                        (Object p) ->
                            p.equals(
                                new TwoFactorUnlocked(USER, ORG, UnlockCause.ACCESS_CODE_ISSUED)))),
                messageWithPayload(matches((Object p) -> p instanceof AccessCodeIssued)),
                andNoMore()));
  }

  @Test
  void usersInPendingSetupCanGetACode() {
    f.fixture
        .given(REGISTERED, new TwoFactorSetupStarted(USER, ORG, "key-1", "c2VhbGVk"))
        .when(issue(Duration.ofMinutes(60)))
        .expectSuccessfulHandlerExecution();
  }

  @Test
  void entraIdUsersCannotGetACode() {
    f.fixture
        .given(REGISTERED_WITH_ENTRA)
        .when(issue(Duration.ofMinutes(60)))
        .expectNoEvents()
        .expectException(refusedWith("TWO_FACTOR_EXEMPT"));
  }

  @Test
  void anAdminOfAnotherOrganizationCannotIssue() {
    f.fixture
        .given(REGISTERED)
        .when(new IssueAccessCode(USER, OTHER_ORG, "admin-9", Duration.ofMinutes(60)))
        .expectNoEvents()
        .expectException(refusedWith("UNKNOWN_USER"));
  }

  private static <T> Matcher<T> capturing(List<T> into) {
    return new CustomTypeSafeMatcher<>("anything, kept for the test") {
      @Override
      protected boolean matchesSafely(T item) {
        into.add(item);
        return true;
      }
    };
  }
}
