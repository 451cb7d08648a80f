package com.onix.twofactor.command.emailcode;

import com.onix.twofactor.command.secrets.AccessCodeHasher;
import com.onix.twofactor.command.testing.InMemoryDataKeys;
import com.onix.twofactor.command.twofactor.TotpSecrets;
import com.onix.twofactor.command.twofactor.TotpSecrets.IssuedSecret;
import com.onix.twofactor.command.user.UserTwoFactor;
import com.onix.twofactor.kernel.emailcode.EmailCodeSent;
import com.onix.twofactor.kernel.twofactor.TwoFactorSetupCompleted;
import com.onix.twofactor.kernel.twofactor.TwoFactorSetupStarted;
import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.kernel.user.UserRegistered;
import com.onix.twofactor.support.testing.MovableClock;
import java.time.Instant;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

/** A user with an active authenticator, in an organization whose email setting a test sets. */
final class EmailCodeFixture {

  static final String USER = "5b2c9d4e-1a3f-4e6b-8c7d-9e0f1a2b3c4d";
  static final String ORG = "8d1f5a52-54a5-4bd6-9c1c-2f7b0c8e0a11";
  static final Instant START = Instant.parse("2026-12-07T12:00:00Z");

  static final UserRegistered REGISTERED =
      new UserRegistered(USER, ORG, "eve@example.org", "Eve", SignInMethod.PASSWORD);

  final FixtureConfiguration<UserTwoFactor> fixture =
      new AggregateTestFixture<>(UserTwoFactor.class);
  final MovableClock clock = new MovableClock(START);
  final InMemoryDataKeys keys = new InMemoryDataKeys();
  final TotpSecrets secrets = new TotpSecrets(keys);
  final EmailCodeSeal seal = new EmailCodeSeal(keys);
  final AccessCodeHasher hasher = new AccessCodeHasher(new SecretKeySpec(new byte[32], "AES"));
  final IssuedSecret issued = secrets.issue(USER);
  boolean allowed = true;

  EmailCodeFixture() {
    fixture.registerInjectableResource(clock);
    fixture.registerInjectableResource(secrets);
    fixture.registerInjectableResource(seal);
    fixture.registerInjectableResource(hasher);
    fixture.registerInjectableResource((EmailCodeSetting) organizationId -> allowed);
  }

  TwoFactorSetupStarted setupStarted() {
    return new TwoFactorSetupStarted(USER, ORG, issued.keyId(), issued.encryptedSecret());
  }

  TwoFactorSetupCompleted setupCompleted() {
    return new TwoFactorSetupCompleted(USER, ORG, 1);
  }

  /** A code as the aggregate would have sent it at {@code sentAt}. */
  EmailCodeSent sent(String code, Instant sentAt) {
    String id = UUID.randomUUID().toString();
    return new EmailCodeSent(
        USER,
        ORG,
        id,
        hasher.hash(code),
        issued.keyId(),
        seal.seal(USER, issued.keyId(), id, code).orElseThrow(),
        sentAt.plus(EmailCodes.LIFETIME));
  }
}
