package com.onix.twofactor.command.twofactor;

import static com.onix.twofactor.command.testing.Refusals.refusedWith;
import static com.onix.twofactor.command.twofactor.TwoFactorFixture.ORG;
import static com.onix.twofactor.command.twofactor.TwoFactorFixture.REGISTERED;
import static com.onix.twofactor.command.twofactor.TwoFactorFixture.REGISTERED_WITH_ENTRA;
import static com.onix.twofactor.command.twofactor.TwoFactorFixture.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;

import com.onix.twofactor.kernel.twofactor.ConfirmTwoFactorSetup;
import com.onix.twofactor.kernel.twofactor.SetupSecret;
import com.onix.twofactor.kernel.twofactor.StartTwoFactorSetup;
import com.onix.twofactor.kernel.twofactor.TwoFactorSetupCompleted;
import com.onix.twofactor.kernel.twofactor.TwoFactorSetupStarted;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.codec.binary.Base32;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

class SetupTest {

  private final TwoFactorFixture f = new TwoFactorFixture();

  @Test
  void startingSetupRecordsTheSecretOnlyEncryptedUnderAFreshKey() {
    f.fixture
        .given(REGISTERED)
        .when(new StartTwoFactorSetup(USER))
        .expectSuccessfulHandlerExecution()
        .expectResultMessagePayloadMatching(org.hamcrest.Matchers.instanceOf(SetupSecret.class))
        .expectEventsMatching(
            org.axonframework.test.matchers.Matchers.exactSequenceOf(
                org.axonframework.test.matchers.Matchers.messageWithPayload(
                    org.hamcrest.Matchers.instanceOf(TwoFactorSetupStarted.class)),
                org.axonframework.test.matchers.Matchers.andNoMore()));
  }

  @Test
  void theSecretIs160RandomBitsInBase32AndNotInTheEvent() {
    List<SetupSecret> returned = new ArrayList<>();
    List<TwoFactorSetupStarted> recorded = new ArrayList<>();
    f.fixture
        .given(REGISTERED)
        .when(new StartTwoFactorSetup(USER))
        .expectResultMessagePayloadMatching(capturing(returned))
        .expectEventsMatching(
            exactSequenceOf(messageWithPayload(capturing(recorded)), andNoMore()));
    String secret = returned.get(0).secretBase32();
    assertThat(new Base32().decode(secret)).hasSize(20);
    assertThat(returned.get(0).email()).isEqualTo("ann@example.org");
    assertThat(recorded.get(0).encryptedSecret()).doesNotContain(secret);
    assertThat(f.keys.holds(recorded.get(0).keyId())).isTrue();
    assertThat(f.secrets.reveal(USER, recorded.get(0).keyId(), recorded.get(0).encryptedSecret()))
        .hasValue(new Base32().decode(secret));
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

  @Test
  void startingAgainReplacesThePendingSetupAndDestroysItsKey() {
    f.fixture
        .given(REGISTERED, f.setupStarted())
        .when(new StartTwoFactorSetup(USER))
        .expectSuccessfulHandlerExecution();
    assertThat(f.keys.holds(f.issued.keyId())).isFalse();
  }

  @Test
  void entraIdUsersCannotSetUp() {
    f.fixture
        .given(REGISTERED_WITH_ENTRA)
        .when(new StartTwoFactorSetup(USER))
        .expectNoEvents()
        .expectException(refusedWith("TWO_FACTOR_EXEMPT"));
  }

  @Test
  void anActiveEnrollmentCannotBeSetUpAgain() {
    f.fixture
        .given(REGISTERED, f.setupStarted(), f.setupCompleted())
        .when(new StartTwoFactorSetup(USER))
        .expectNoEvents()
        .expectException(refusedWith("ALREADY_ENROLLED"));
  }

  @Test
  void aValidCodeCompletesTheSetupAndUsesUpItsStep() {
    f.fixture
        .given(REGISTERED, f.setupStarted())
        .when(new ConfirmTwoFactorSetup(USER, f.codeForStepOffset(0)))
        .expectEvents(new TwoFactorSetupCompleted(USER, ORG, f.currentStep()));
  }

  @Test
  void aWrongConfirmationCodeChangesNothing() {
    f.fixture
        .given(REGISTERED, f.setupStarted())
        .when(new ConfirmTwoFactorSetup(USER, f.codeForStepOffset(5)))
        .expectNoEvents()
        .expectException(refusedWith("INVALID_CODE"));
  }

  @Test
  void confirmingWithoutAPendingSetupIsRefused() {
    f.fixture
        .given(REGISTERED)
        .when(new ConfirmTwoFactorSetup(USER, "123456"))
        .expectNoEvents()
        .expectException(refusedWith("NO_PENDING_SETUP"));
  }

  @Test
  void confirmingAnActiveEnrollmentIsRefused() {
    f.fixture
        .given(REGISTERED, f.setupStarted(), f.setupCompleted())
        .when(new ConfirmTwoFactorSetup(USER, f.codeForStepOffset(0)))
        .expectNoEvents()
        .expectException(refusedWith("ALREADY_ENROLLED"));
  }
}
