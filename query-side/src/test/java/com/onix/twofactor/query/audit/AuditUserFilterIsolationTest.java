package com.onix.twofactor.query.audit;

import static com.onix.twofactor.query.testing.QueryClient.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.query.testing.QuerySideIntegrationTest;
import com.onix.twofactor.query.testing.UserTwoFactorEvents;
import org.junit.jupiter.api.Test;

/** Filtering one organization's history by a user of another organization shows nothing. */
class AuditUserFilterIsolationTest extends QuerySideIntegrationTest {

  @Test
  void aUserOfAnotherOrganizationHasNoHistoryHere() {
    String mine = newOrganization();
    String theirs = newOrganization();
    NewUser stranger = newUser(theirs, SignInMethod.PASSWORD);
    var last = new UserTwoFactorEvents(feed, theirs, stranger.userId()).enroll();
    var own =
        api.get(
            "/organizations/"
                + theirs
                + "/audit-events?userId="
                + stranger.userId()
                + "&minVersion="
                + q(last.version()),
            tokens.auditor(theirs));
    assertThat(own.json().path("events")).hasSize(3);

    var reply =
        api.get(
            "/organizations/" + mine + "/audit-events?userId=" + stranger.userId(),
            tokens.auditor(mine));

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.json().path("events")).isEmpty();
  }
}
