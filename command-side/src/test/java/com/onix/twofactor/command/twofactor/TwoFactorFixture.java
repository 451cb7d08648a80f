package com.onix.twofactor.command.twofactor;

import com.onix.twofactor.command.emailcode.EmailCodeSetting;
import com.onix.twofactor.command.secrets.AccessCodeHasher;
import com.onix.twofactor.command.testing.Authenticator;
import com.onix.twofactor.command.testing.InMemoryDataKeys;
import com.onix.twofactor.command.twofactor.TotpSecrets.IssuedSecret;
import com.onix.twofactor.command.user.UserTwoFactor;
import com.onix.twofactor.kernel.twofactor.TwoFactorSetupCompleted;
import com.onix.twofactor.kernel.twofactor.TwoFactorSetupStarted;
import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.kernel.user.UserRegistered;
import com.onix.twofactor.support.testing.MovableClock;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

/**
 * A {@link UserTwoFactor} fixture with what its command handlers take: secrets over in-memory data
 * keys, and a clock the test moves.
 */
final class TwoFactorFixture {

  static final String USER = "3f7e1c8a-0f64-4c57-9a0e-6d1f3b2a9c01";
  static final String ORG = "8d1f5a52-54a5-4bd6-9c1c-2f7b0c8e0a11";
  static final String OTHER_ORG = "0b6a8f0e-2c44-4f0e-8f55-7a1d2e3c4b5a";

  /** 12:00:10 on a step boundary plus ten seconds, so step arithmetic is easy to follow. */
  static final Instant START = Instant.ofEpochSecond(1_800_000_000L - 1_800_000_000L % 30 + 10);

  static final UserRegistered REGISTERED =
      new UserRegistered(USER, ORG, "ann@example.org", "Ann", SignInMethod.PASSWORD);
  static final UserRegistered REGISTERED_WITH_ENTRA =
      new UserRegistered(USER, ORG, "ben@example.org", "Ben", SignInMethod.ENTRA_ID);

  final FixtureConfiguration<UserTwoFactor> fixture;
  final InMemoryDataKeys keys = new InMemoryDataKeys();
  final TotpSecrets secrets = new TotpSecrets(keys);
  final MovableClock clock = new MovableClock(START);
  final IssuedSecret issued = secrets.issue(USER);
  final Authenticator phone = new Authenticator(issued.base32());

  TwoFactorFixture() {
    fixture = new AggregateTestFixture<>(UserTwoFactor.class);
    fixture.registerInjectableResource(secrets);
    fixture.registerInjectableResource(clock);
    fixture.registerInjectableResource((EmailCodeSetting) organizationId -> false);
    fixture.registerInjectableResource(
        new AccessCodeHasher(new SecretKeySpec(new byte[32], "AES")));
  }

  TwoFactorSetupStarted setupStarted() {
    return new TwoFactorSetupStarted(USER, ORG, issued.keyId(), issued.encryptedSecret());
  }

  /** Enrolled with the code of the step before {@link #START}: that step is used up. */
  TwoFactorSetupCompleted setupCompleted() {
    return new TwoFactorSetupCompleted(USER, ORG, currentStep() - 1);
  }

  long currentStep() {
    return Totp.stepAt(clock.instant());
  }

  String codeForStepOffset(int offset) {
    return phone.codeForStep(currentStep() + offset);
  }
}
