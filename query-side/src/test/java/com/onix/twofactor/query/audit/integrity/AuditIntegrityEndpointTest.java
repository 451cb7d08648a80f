package com.onix.twofactor.query.audit.integrity;

import static com.onix.twofactor.query.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.query.testing.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;

/** GET /organizations/{orgId}/audit-integrity: the stored history checked against its chain. */
class AuditIntegrityEndpointTest extends QuerySideIntegrationTest {

  @Test
  void anUntouchedHistoryIsVerifiedUpToItsHead() {
    TamperableHistory history = new TamperableHistory(feed, api, tokens);

    JsonNode report = history.integrity();

    assertThat(report.path("verified").asBoolean()).as("%s", report).isTrue();
    assertThat(report.path("checkedEvents").asLong()).isEqualTo(5);
    assertThat(report.path("head").path("position").asLong()).isEqualTo(5);
    assertThat(report.path("head").path("hash").asText()).isEqualTo(history.hashAt(5));
    assertThat(report.path("firstMismatch").isNull()).isTrue();
  }

  @Test
  void anOrganizationsAdminMayNotAskForIt() {
    String org = newOrganization();
    newUser(org, SignInMethod.PASSWORD);

    assertProblem(
        api.get("/organizations/" + org + "/audit-integrity", tokens.orgAdmin(org)),
        403,
        "FORBIDDEN");
  }

  @Test
  void anAuditorOfAnotherOrganizationMayNotAskForIt() {
    String org = newOrganization();
    String other = newOrganization();

    assertProblem(
        api.get("/organizations/" + org + "/audit-integrity", tokens.auditor(other)),
        403,
        "FORBIDDEN");
  }
}
