package com.onix.twofactor.console.policy;

import com.onix.twofactor.console.apis.StatusCounts;

/**
 * What switching the policy will do, from the counts of today: who will have to set 2FA up, who is
 * not affected, and who keeps being asked when it is turned off.
 */
public record PolicyPreview(long mustSetUp, long entraId, long enrolled) {

  public static PolicyPreview of(StatusCounts counts) {
    return new PolicyPreview(
        counts.of("NOT_REQUIRED") + counts.of("SETUP_REQUIRED"),
        counts.of("EXEMPT"),
        counts.of("VERIFICATION_REQUIRED"));
  }

  /**
   * "34 users will have to set up 2FA at their next sign-in; 5 Entra ID users are not affected."
   */
  public String whenOn() {
    return (mustSetUp == 1 ? "1 user will" : mustSetUp + " users will")
        + " have to set up 2FA at their next sign-in; "
        + (entraId == 1 ? "1 Entra ID user is" : entraId + " Entra ID users are")
        + " not affected.";
  }

  public String whenOff() {
    return (enrolled == 1 ? "The 1 user who" : "The " + enrolled + " users who")
        + " already set up 2FA will still be asked for a code at each sign-in, unless you reset"
        + " their 2FA individually. Nobody else will be asked to set it up.";
  }
}
