package com.onix.twofactor.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.reset;

import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.query.testing.QueryClient;
import com.onix.twofactor.query.testing.QuerySideIntegrationTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Readiness and liveness apart, and the projection's figures on {@code /actuator/prometheus}.
 * (Spring Boot's tests leave metrics export off unless asked for: this test asks.)
 */
@AutoConfigureObservability(tracing = false)
class ProbesAndMetricsTest extends QuerySideIntegrationTest {

  @MockitoSpyBean private ViewRebuild rebuild;

  @Test
  void whileTheViewsRebuildTheQuerySideIsAliveButNotReady() {
    doReturn(false).when(rebuild).viewsComplete();
    try {
      QueryClient.Reply readiness = api.get("/actuator/health/readiness", null);
      QueryClient.Reply liveness = api.get("/actuator/health/liveness", null);

      assertThat(readiness.status()).as("%s", readiness).isEqualTo(503);
      assertThat(readiness.json().path("status").asText()).isEqualTo("OUT_OF_SERVICE");
      assertThat(liveness.status()).as("%s", liveness).isEqualTo(200);
      assertThat(liveness.json().path("status").asText()).isEqualTo("UP");
    } finally {
      reset(rebuild);
    }
  }

  @Test
  void withTheViewsWholeTheQuerySideIsReady() {
    QueryClient.Reply readiness = api.get("/actuator/health/readiness", null);

    assertThat(readiness.status()).as("%s", readiness).isEqualTo(200);
    assertThat(readiness.json().path("status").asText()).isEqualTo("UP");
  }

  @Test
  void theMetricsAreForPlatformOperatorsOnly() {
    String org = newOrganization();

    assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(401);
    assertThat(api.get("/actuator/prometheus", tokens.orgAdmin(org)).status()).isEqualTo(403);
    assertThat(api.get("/actuator/prometheus", tokens.auditor(org)).status()).isEqualTo(403);
  }

  @Test
  void theProjectionsPositionFollowsTheEventsStored() {
    String operator = tokens.mint(List.of("PLATFORM_OPERATOR"), null);
    String org = newOrganization();
    var last = newUser(org, SignInMethod.PASSWORD);
    assertThat(
            api.get(
                    "/organizations/"
                        + org
                        + "/users/"
                        + last.userId()
                        + "?minVersion="
                        + last.registered().version(),
                    tokens.orgAdmin(org))
                .status())
        .isEqualTo(200);

    QueryClient.Reply scraped = api.get("/actuator/prometheus", "Bearer " + operator, "text/plain");

    assertThat(scraped.status()).as("%s", scraped).isEqualTo(200);
    assertThat(gauge(scraped.body(), "onix_projection_position")).isGreaterThan(0);
    assertThat(gauge(scraped.body(), "onix_projection_lag")).isGreaterThanOrEqualTo(0);
    assertThat(gauge(scraped.body(), "onix_projection_rebuilding")).isEqualTo(0);
    assertThat(scraped.body()).contains("eventProcessor_latency");
  }

  private static double gauge(String metrics, String name) {
    Matcher line = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} ([0-9.Ee+-]+)$").matcher(metrics);
    assertThat(line.find()).as(name + " in\n" + metrics).isTrue();
    return Double.parseDouble(line.group(1));
  }
}
