package com.onix.twofactor.query.organization;

import com.onix.twofactor.kernel.emailcode.EmailCodesAllowed;
import com.onix.twofactor.kernel.emailcode.EmailCodesDisallowed;
import com.onix.twofactor.kernel.organization.OrganizationRegistered;
import com.onix.twofactor.kernel.organization.PolicyDisabled;
import com.onix.twofactor.kernel.organization.PolicyEnabled;
import com.onix.twofactor.query.history.PointInTime.PastEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How an organization's events set the 2FA policy in force, and who set it when. The projection and
 * the point-in-time query both use it.
 */
public final class PolicyTimeline {

  private PolicyTimeline() {}

  /** The policy in force after these events of the organization; empty before its registration. */
  public static Optional<OrganizationView.Policy> fold(List<PastEvent> history) {
    OrganizationView.Policy policy = null;
    for (PastEvent event : history) {
      policy = next(policy, event.payload(), event.occurredAt(), event.actorId());
    }
    return Optional.ofNullable(policy);
  }

  /**
   * @return the policy after the event; null before the organization's registration
   */
  public static OrganizationView.Policy next(
      OrganizationView.Policy policy, Object event, Instant at, String actor) {
    if (event instanceof OrganizationRegistered) {
      return new OrganizationView.Policy(false, false, at, actor);
    }
    if (policy == null) {
      return null;
    }
    if (event instanceof PolicyEnabled) {
      return new OrganizationView.Policy(true, policy.emailCodesAllowed(), at, actor);
    }
    if (event instanceof PolicyDisabled) {
      return new OrganizationView.Policy(false, policy.emailCodesAllowed(), at, actor);
    }
    if (event instanceof EmailCodesAllowed) {
      return new OrganizationView.Policy(policy.required(), true, at, actor);
    }
    if (event instanceof EmailCodesDisallowed) {
      return new OrganizationView.Policy(policy.required(), false, at, actor);
    }
    return policy;
  }
}
