package com.onix.twofactor.command.accesscode;

import com.onix.twofactor.command.emailcode.EmailCodeSetting;
import com.onix.twofactor.command.secrets.AccessCodeHasher;
import com.onix.twofactor.command.testing.InMemoryDataKeys;
import com.onix.twofactor.command.twofactor.TotpSecrets;
import com.onix.twofactor.command.user.UserTwoFactor;
import com.onix.twofactor.kernel.accesscode.AccessCodeIssued;
import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.kernel.user.UserRegistered;
import com.onix.twofactor.support.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

/** A {@link UserTwoFactor} fixture for access codes, with one code already issued by hand. */
final class AccessCodeFixture {

  static final String USER = "5b0a7c3e-1d2f-4a6b-8c9d-0e1f2a3b4c5d";
  static final String ORG = "9c8b7a6f-5e4d-4c3b-a291-0f1e2d3c4b5a";
  static final String OTHER_ORG = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
  static final String CODE_ID = "7e6d5c4b-3a29-4180-9f8e-7d6c5b4a3928";
  static final String CODE = "ABCD2EFGH3JK";
  static final Instant START = Instant.parse("2026-06-01T12:00:00Z");

  static final UserRegistered REGISTERED =
      new UserRegistered(USER, ORG, "cat@example.org", "Cat", SignInMethod.PASSWORD);
  static final UserRegistered REGISTERED_WITH_ENTRA =
      new UserRegistered(USER, ORG, "dan@example.org", "Dan", SignInMethod.ENTRA_ID);

  final FixtureConfiguration<UserTwoFactor> fixture =
      new AggregateTestFixture<>(UserTwoFactor.class);
  final MovableClock clock = new MovableClock(START);
  final AccessCodeHasher hasher = new AccessCodeHasher(new SecretKeySpec(new byte[32], "AES"));

  AccessCodeFixture() {
    fixture.registerInjectableResource(hasher);
    fixture.registerInjectableResource(clock);
    fixture.registerInjectableResource((EmailCodeSetting) organizationId -> false);
    fixture.registerInjectableResource(new TotpSecrets(new InMemoryDataKeys()));
  }

  /** {@link #CODE}, issued at {@link #START} for an hour. */
  AccessCodeIssued issued() {
    return issued(CODE_ID, CODE, START.plus(Duration.ofHours(1)));
  }

  AccessCodeIssued issued(String id, String code, Instant expiresAt) {
    return new AccessCodeIssued(USER, ORG, id, hasher.hash(code), expiresAt, "admin-1");
  }
}
