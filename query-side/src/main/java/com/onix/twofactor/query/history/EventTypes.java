package com.onix.twofactor.query.history;

import com.onix.twofactor.kernel.accesscode.AccessCodeIssued;
import com.onix.twofactor.kernel.accesscode.AccessCodeRedeemed;
import com.onix.twofactor.kernel.accesscode.AccessCodeRevoked;
import com.onix.twofactor.kernel.emailcode.EmailCodeSent;
import com.onix.twofactor.kernel.emailcode.EmailCodeUndeliverable;
import com.onix.twofactor.kernel.emailcode.EmailCodesAllowed;
import com.onix.twofactor.kernel.emailcode.EmailCodesDisallowed;
import com.onix.twofactor.kernel.organization.OrganizationRegistered;
import com.onix.twofactor.kernel.organization.PolicyDisabled;
import com.onix.twofactor.kernel.organization.PolicyEnabled;
import com.onix.twofactor.kernel.twofactor.SecondFactorRejected;
import com.onix.twofactor.kernel.twofactor.SecondFactorVerified;
import com.onix.twofactor.kernel.twofactor.TwoFactorLocked;
import com.onix.twofactor.kernel.twofactor.TwoFactorReset;
import com.onix.twofactor.kernel.twofactor.TwoFactorSetupCompleted;
import com.onix.twofactor.kernel.twofactor.TwoFactorSetupStarted;
import com.onix.twofactor.kernel.twofactor.TwoFactorUnlocked;
import com.onix.twofactor.kernel.user.SignInMethodChanged;
import com.onix.twofactor.kernel.user.UserRegistered;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The event types of the audit history, by the name it shows them under. */
final class EventTypes {

  private static final Map<String, Class<?>> BY_NAME =
      Stream.of(
              OrganizationRegistered.class,
              PolicyEnabled.class,
              PolicyDisabled.class,
              EmailCodesAllowed.class,
              EmailCodesDisallowed.class,
              UserRegistered.class,
              SignInMethodChanged.class,
              TwoFactorSetupStarted.class,
              TwoFactorSetupCompleted.class,
              SecondFactorVerified.class,
              SecondFactorRejected.class,
              TwoFactorLocked.class,
              TwoFactorUnlocked.class,
              TwoFactorReset.class,
              AccessCodeIssued.class,
              AccessCodeRevoked.class,
              AccessCodeRedeemed.class,
              EmailCodeSent.class,
              EmailCodeUndeliverable.class)
          .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

  private EventTypes() {}

  static Optional<Class<?>> named(String type) {
    return Optional.ofNullable(BY_NAME.get(type));
  }
}
