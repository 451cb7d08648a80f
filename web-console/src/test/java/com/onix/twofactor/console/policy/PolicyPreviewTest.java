package com.onix.twofactor.console.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.onix.twofactor.console.apis.StatusCounts;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyPreviewTest {

  @Test
  void turningItOnCountsEveryoneWithoutAnAuthenticatorAndLeavesEntraIdUsersOut() {
    PolicyPreview preview =
        PolicyPreview.of(
            new StatusCounts(
                false,
                60,
                Map.of("NOT_REQUIRED", 34L, "EXEMPT", 5L, "VERIFICATION_REQUIRED", 21L)));

    assertThat(preview.whenOn())
        .isEqualTo(
            "34 users will have to set up 2FA at their next sign-in; 5 Entra ID users are not"
                + " affected.");
  }

  @Test
  void oneUserReadsInTheSingular() {
    PolicyPreview preview =
        PolicyPreview.of(new StatusCounts(true, 2, Map.of("SETUP_REQUIRED", 1L, "EXEMPT", 1L)));

    assertThat(preview.whenOn())
        .isEqualTo(
            "1 user will have to set up 2FA at their next sign-in; 1 Entra ID user is not"
                + " affected.");
  }

  @Test
  void turningItOffSaysEnrolledUsersKeepBeingAsked() {
    PolicyPreview preview =
        PolicyPreview.of(new StatusCounts(true, 9, Map.of("VERIFICATION_REQUIRED", 7L)));

    assertThat(preview.whenOff())
        .startsWith("The 7 users who already set up 2FA will still be asked for a code")
        .contains("unless you reset their 2FA individually");
  }
}
