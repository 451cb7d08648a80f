package com.onix.twofactor.command.metrics;

import static com.onix.twofactor.command.testing.ProblemAssertions.assertProblemDocument;
import static org.assertj.core.api.Assertions.assertThat;

import com.onix.twofactor.command.testing.Response;
import com.onix.twofactor.command.testing.TwoFactorIntegrationTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

/**
 * {@code GET /actuator/prometheus}: what an operator's Prometheus scrapes, and who may. (Spring
 * Boot's tests leave metrics export off unless asked for: this test asks.)
 */
@AutoConfigureObservability(tracing = false)
class PrometheusMetricsHttpTest extends TwoFactorIntegrationTest {

  @Test
  void withoutATokenTheMetricsAre401() {
    Response scraped = http.get("/actuator/prometheus").send();

    assertThat(scraped.status()).isEqualTo(401);
    assertProblemDocument(scraped);
  }

  @Test
  void anOrganizationsAdminMayNotReadThem() {
    NewUser user = newUser();

    Response scraped =
        http.get("/actuator/prometheus").token(tokens.orgAdmin(user.organizationId())).send();

    assertThat(scraped.status()).isEqualTo(403);
    assertProblemDocument(scraped);
  }

  @Test
  void verificationsAreCountedByMethodAndOutcome() {
    Enrolled user = enrolledUser();
    double verifiedBefore = value(scrape(), "onix_verifications_total", "TOTP", "VERIFIED");
    double wrongBefore = value(scrape(), "onix_verifications_total", "TOTP", "WRONG_CODE");

    assertThat(verifyTotp(user.userId(), user.freshCode()).status()).isEqualTo(200);
    assertThat(verifyTotp(user.userId(), user.wrongCode()).status()).isEqualTo(422);

    String metrics = scrape();
    assertThat(value(metrics, "onix_verifications_total", "TOTP", "VERIFIED"))
        .isEqualTo(verifiedBefore + 1);
    assertThat(value(metrics, "onix_verifications_total", "TOTP", "WRONG_CODE"))
        .isEqualTo(wrongBefore + 1);
  }

  @Test
  void locksAndIssuedAccessCodesAreCounted() {
    Enrolled user = enrolledUser();
    double locksBefore = value(scrape(), "onix_verification_locks_total");
    double issuedBefore = value(scrape(), "onix_access_codes_issued_total");

    lockOut(user);
    assertThat(issueAccessCode(user.organizationId(), user.userId()).status()).isEqualTo(201);

    String metrics = scrape();
    assertThat(value(metrics, "onix_verification_locks_total")).isEqualTo(locksBefore + 1);
    assertThat(value(metrics, "onix_access_codes_issued_total")).isEqualTo(issuedBefore + 1);
  }

  @Test
  void commandsAreTimedByTypeAndTheEventStoreCountsAppendsAndConflicts() {
    newUser();

    String metrics = scrape();
    assertThat(metrics)
        .containsPattern(
            "commandBus_successTimer_seconds_count\\{[^}]*payloadType=\"RegisterUser\"")
        .contains("onix_event_store_appends_seconds_count")
        .contains("onix_event_store_events_appended_total")
        .contains("onix_event_store_conflicts_total");
  }

  @Test
  void noUserOrganizationOrCodeIsEverALabel() {
    Enrolled user = enrolledUser();
    verifyTotp(user.userId(), user.wrongCode());

    assertThat(scrape())
        .doesNotContain(user.userId())
        .doesNotContain(user.organizationId())
        .doesNotContain(user.email());
  }

  private String scrape() {
    Response scraped = http.get("/actuator/prometheus").token(tokens.platformOperator()).send();
    assertThat(scraped.status()).as("%s", scraped).isEqualTo(200);
    assertThat(scraped.contentType()).startsWith("text/plain");
    return scraped.body();
  }

  /** A counter's value, 0 when it has not been counted yet. */
  private static double value(String metrics, String name) {
    Matcher line = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} ([0-9.Ee+-]+)$").matcher(metrics);
    return line.find() ? Double.parseDouble(line.group(1)) : 0;
  }

  private static double value(String metrics, String name, String method, String outcome) {
    Matcher line =
        Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} ([0-9.Ee+-]+)$").matcher(metrics);
    while (line.find()) {
      String labels = line.group(1);
      if (labels.contains("method=\"" + method + "\"")
          && labels.contains("outcome=\"" + outcome + "\"")) {
        return Double.parseDouble(line.group(2));
      }
    }
    return 0;
  }
}
