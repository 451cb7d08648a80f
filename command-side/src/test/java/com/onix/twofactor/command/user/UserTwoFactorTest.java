package com.onix.twofactor.command.user;

import static com.onix.twofactor.command.testing.Refusals.refusedWith;

import com.onix.twofactor.kernel.user.ChangeSignInMethod;
import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.kernel.user.SignInMethodChanged;
import com.onix.twofactor.kernel.user.UserRegistered;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserTwoFactorTest {

  private static final String USER = "3f7e1c8a-0f64-4c57-9a0e-6d1f3b2a9c01";
  private static final String ORG = "8d1f5a52-54a5-4bd6-9c1c-2f7b0c8e0a11";
  private static final String OTHER_ORG = "0b6a8f0e-2c44-4f0e-8f55-7a1d2e3c4b5a";

  private static final UserRegistered REGISTERED_WITH_PASSWORD =
      new UserRegistered(USER, ORG, "ann@example.org", "Ann", SignInMethod.PASSWORD);

  private FixtureConfiguration<UserTwoFactor> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(UserTwoFactor.class);
    fixture.registerInjectableResource(java.time.Clock.systemUTC());
  }

  @Test
  void changingTheSignInMethodEmitsSignInMethodChangedWithPreviousAndNew() {
    fixture
        .given(REGISTERED_WITH_PASSWORD)
        .when(new ChangeSignInMethod(USER, ORG, SignInMethod.ENTRA_ID))
        .expectEvents(
            new SignInMethodChanged(USER, ORG, SignInMethod.PASSWORD, SignInMethod.ENTRA_ID))
        .expectResultMessagePayload(1L);
  }

  @Test
  void changingBackNamesTheMethodItChangesFrom() {
    fixture
        .given(
            REGISTERED_WITH_PASSWORD,
            new SignInMethodChanged(USER, ORG, SignInMethod.PASSWORD, SignInMethod.ENTRA_ID))
        .when(new ChangeSignInMethod(USER, ORG, SignInMethod.PASSWORD))
        .expectEvents(
            new SignInMethodChanged(USER, ORG, SignInMethod.ENTRA_ID, SignInMethod.PASSWORD))
        .expectResultMessagePayload(2L);
  }

  @Test
  void choosingTheCurrentMethodEmitsNothingAndAnswersTheCurrentVersion() {
    fixture
        .given(REGISTERED_WITH_PASSWORD)
        .when(new ChangeSignInMethod(USER, ORG, SignInMethod.PASSWORD))
        .expectNoEvents()
        .expectResultMessagePayload(0L);
  }

  @Test
  void aCommandNamingAnotherOrganizationIsRefusedAsUnknownUser() {
    fixture
        .given(REGISTERED_WITH_PASSWORD)
        .when(new ChangeSignInMethod(USER, OTHER_ORG, SignInMethod.ENTRA_ID))
        .expectException(refusedWith("UNKNOWN_USER"))
        .expectNoEvents();
  }
}
