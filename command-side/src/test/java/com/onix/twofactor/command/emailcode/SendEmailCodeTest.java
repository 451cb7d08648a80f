package com.onix.twofactor.command.emailcode;

import static com.onix.twofactor.command.emailcode.EmailCodeFixture.ORG;
import static com.onix.twofactor.command.emailcode.EmailCodeFixture.REGISTERED;
import static com.onix.twofactor.command.emailcode.EmailCodeFixture.START;
import static com.onix.twofactor.command.emailcode.EmailCodeFixture.USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.onix.twofactor.command.refusal.CommandRefused;
import com.onix.twofactor.kernel.emailcode.EmailCodeRequestOutcome;
import com.onix.twofactor.kernel.emailcode.EmailCodeSent;
import com.onix.twofactor.kernel.emailcode.SendEmailCode;
import com.onix.twofactor.kernel.twofactor.TwoFactorLocked;
import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.kernel.user.SignInMethodChanged;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.EventMessage;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

class SendEmailCodeTest {

  private final EmailCodeFixture f = new EmailCodeFixture();

  private Object[] enrolled(Object... more) {
    Object[] history = new Object[3 + more.length];
    history[0] = REGISTERED;
    history[1] = f.setupStarted();
    history[2] = f.setupCompleted();
    System.arraycopy(more, 0, history, 3, more.length);
    return history;
  }

  /** One EmailCodeSent whose hash and sealed code are those of one 8-digit code. */
  private Matcher<List<EventMessage<?>>> oneCodeSent() {
    return new BaseMatcher<>() {
      @Override
      public boolean matches(Object actual) {
        List<?> events = (List<?>) actual;
        if (events.size() != 1
            || !(((EventMessage<?>) events.get(0)).getPayload() instanceof EmailCodeSent sent)) {
          return false;
        }
        String code =
            f.seal.open(USER, sent.keyId(), sent.emailCodeId(), sent.sealedCode()).orElseThrow();
        return code.matches("[0-9]{8}")
            && f.hasher.matches(code, sent.codeHash())
            && !sent.codeHash().contains(code)
            && sent.expiresAt().equals(START.plus(Duration.ofMinutes(10)))
            && sent.organizationId().equals(ORG);
      }

      @Override
      public void describeTo(Description description) {
        description.appendText("one EmailCodeSent of an 8-digit code valid 10 minutes");
      }
    };
  }

  @Test
  void anEnrolledUserIsSentAnEightDigitCodeValidTenMinutesKeptOnlyHashedAndSealed() {
    f.fixture.given(enrolled()).when(new SendEmailCode(USER)).expectEventsMatching(oneCodeSent());
  }

  @Test
  void theAnswerCarriesTheCodesIdAndExpiryButNotTheCode() {
    f.fixture
        .given(enrolled())
        .when(new SendEmailCode(USER))
        .expectResultMessagePayloadMatching(
            new BaseMatcher<>() {
              @Override
              public boolean matches(Object actual) {
                EmailCodeRequestOutcome outcome = (EmailCodeRequestOutcome) actual;
                return outcome.sent()
                    && outcome.expiresAt().equals(START.plus(Duration.ofMinutes(10)))
                    && outcome.version() == 3;
              }

              @Override
              public void describeTo(Description description) {
                description.appendText("a sent outcome");
              }
            });
  }

  @Test
  void aSixthCodeWithinTheHourIsRefusedUntilTheFirstIsAnHourOld() {
    Object[] fiveSent =
        IntStream.range(0, 5)
            .mapToObj(i -> f.sent("1234567" + i, START.minus(Duration.ofMinutes(50 - i))))
            .toArray();
    f.fixture
        .given(enrolled(fiveSent))
        .when(new SendEmailCode(USER))
        .expectNoEvents()
        .expectResultMessagePayload(
            EmailCodeRequestOutcome.tooMany(START.plus(Duration.ofMinutes(10)), 7));
  }

  @Test
  void aSixthCodeIsSentOnceTheFirstOfTheHourIsOlderThanAnHour() {
    Object[] fiveSent =
        IntStream.range(0, 5)
            .mapToObj(i -> f.sent("1234567" + i, START.minus(Duration.ofMinutes(61 - i))))
            .toArray();
    f.fixture
        .given(enrolled(fiveSent))
        .when(new SendEmailCode(USER))
        .expectEventsMatching(oneCodeSent());
  }

  @Test
  void aLockedUserIsAnsweredLockedAndSentNothing() {
    var until = START.plusSeconds(300);
    f.fixture
        .given(enrolled(new TwoFactorLocked(USER, ORG, until, 1)))
        .when(new SendEmailCode(USER))
        .expectNoEvents()
        .expectResultMessagePayload(EmailCodeRequestOutcome.locked(until, 3));
  }

  @Test
  void aUserWithoutAnActiveAuthenticatorIsRefusedNotEnrolled() {
    f.fixture
        .given(REGISTERED, f.setupStarted())
        .when(new SendEmailCode(USER))
        .expectNoEvents()
        .expectException(CommandRefused.class)
        .expectExceptionMessage("The user has no active authenticator app.");
  }

  @Test
  void anOrganizationThatDoesNotAllowCodesByEmailGetsNone() {
    f.allowed = false;
    f.fixture
        .given(enrolled())
        .when(new SendEmailCode(USER))
        .expectNoEvents()
        .expectExceptionMessage("The organization does not allow codes by email.");
  }

  @Test
  void anEntraIdUserIsRefusedAsExempt() {
    f.fixture
        .given(
            enrolled(
                new SignInMethodChanged(USER, ORG, SignInMethod.PASSWORD, SignInMethod.ENTRA_ID)))
        .when(new SendEmailCode(USER))
        .expectNoEvents()
        .expectException(CommandRefused.class)
        .expectExceptionMessage(
            "This user signs in with Microsoft Entra ID, which Onix 2FA does not apply to.");
  }

  @Test
  void eightRandomDigitsAreGeneratedEachTime() {
    List<String> codes = IntStream.range(0, 50).mapToObj(i -> EmailCodes.generate()).toList();
    assertThat(codes).allMatch(code -> code.matches("[0-9]{8}"));
    assertThat(codes).doesNotHaveDuplicates();
  }
}
