package com.onix.twofactor.query.user;

import com.onix.twofactor.kernel.accesscode.AccessCodeIssued;
import com.onix.twofactor.kernel.accesscode.AccessCodeRedeemed;
import com.onix.twofactor.kernel.accesscode.AccessCodeRevoked;
import com.onix.twofactor.kernel.twofactor.SecondFactorVerified;
import com.onix.twofactor.kernel.twofactor.TwoFactorLocked;
import com.onix.twofactor.kernel.twofactor.TwoFactorReset;
import com.onix.twofactor.kernel.twofactor.TwoFactorSetupCompleted;
import com.onix.twofactor.kernel.twofactor.TwoFactorSetupStarted;
import com.onix.twofactor.kernel.twofactor.TwoFactorUnlocked;
import com.onix.twofactor.kernel.user.SignInMethodChanged;
import com.onix.twofactor.kernel.user.UserRegistered;
import com.onix.twofactor.query.history.PointInTime.PastEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How one event of a user's history changes what the views show of them. The projection applies it
 * to keep the users view current; a point-in-time query folds a user's events up to an instant with
 * it. One rule for both, so the past and the present are computed alike.
 */
public final class UserTimeline {

  private UserTimeline() {}

  /** The user after these events of their history; empty before their registration. */
  public static Optional<UserDocument> fold(List<PastEvent> history) {
    UserDocument user = null;
    for (PastEvent event : history) {
      user = next(user, event.payload(), event.occurredAt());
    }
    return Optional.ofNullable(user);
  }

  /**
   * @param user the state before, null before the user's registration
   * @param at when the event happened
   * @return the state after; the same state for events that change nothing shown
   */
  public static UserDocument next(UserDocument user, Object event, Instant at) {
    if (event instanceof UserRegistered registered) {
      return new UserDocument(
          registered.userId(),
          registered.organizationId(),
          registered.email(),
          registered.displayName(),
          registered.signInMethod(),
          Enrollment.NONE,
          null,
          null,
          null,
          null);
    }
    if (user == null) {
      return null;
    }
    if (event instanceof SignInMethodChanged changed) {
      return user.withSignInMethod(changed.signInMethod());
    }
    if (event instanceof TwoFactorSetupStarted) {
      return user.withEnrollment(Enrollment.PENDING, null);
    }
    if (event instanceof TwoFactorSetupCompleted) {
      return user.withEnrollment(Enrollment.ACTIVE, at);
    }
    if (event instanceof SecondFactorVerified) {
      return user.withLastVerifiedAt(at).withLockedUntil(null);
    }
    if (event instanceof TwoFactorLocked locked) {
      return user.withLockedUntil(locked.until());
    }
    if (event instanceof TwoFactorUnlocked) {
      return user.withLockedUntil(null);
    }
    if (event instanceof TwoFactorReset) {
      return user.withEnrollment(Enrollment.NONE, null).withAccessCode(null).withLockedUntil(null);
    }
    if (event instanceof AccessCodeIssued issued) {
      return user.withAccessCode(
          new UserDocument.AccessCode(issued.accessCodeId(), issued.expiresAt()));
    }
    if (event instanceof AccessCodeRevoked || event instanceof AccessCodeRedeemed) {
      return user.withAccessCode(null);
    }
    return user;
  }
}
