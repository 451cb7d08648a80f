package com.onix.twofactor.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query side killed while it projects, and started again, resumes from its stored position:
 * afterwards every event is in the audit history exactly once.
 */
class QuerySideRestartTest {

  private static final int USERS = 120;

  @TempDir Path dataDirectory;

  @Test
  void aQuerySideKilledMidStreamResumesWithNoEventLostOrAppliedTwice() throws Exception {
    OnixInstallation onix = new OnixInstallation(dataDirectory);
    String operator = onix.token("--role", "PLATFORM_OPERATOR");
    try (ServiceProcess commands = onix.startCommandSide()) {
      String org =
          Api.post(commands.uri("/organizations"), operator, "{\"name\":\"Restart\"}")
              .body()
              .get("organizationId")
              .asText();
      String admin = onix.token("--role", "ORG_ADMIN", "--org", org);
      String auditor = onix.token("--role", "AUDITOR", "--org", org);
      List<String> versions = new ArrayList<>();
      ServiceProcess queries = onix.startQuerySide();
      try {
        for (int i = 0; i < USERS; i++) {
          String user =
              TwoProcessScenarioTest.register(
                  commands, org, admin, "user-" + i + "@restart.example", "PASSWORD");
          versions.add(user + ":0");
          if (i == USERS / 2) {
            queries.kill(); // mid-stream: projecting what the loop has sent so far
            queries = onix.startQuerySide();
          }
        }
        // After a crash the projections resume once the dead instance's claim times out.
        Api.Answer page;
        long deadline = System.nanoTime() + 60_000_000_000L;
        do {
          page =
              Api.get(
                  queries.uri(
                      "/organizations/"
                          + org
                          + "/audit-events?limit=1000&minVersion="
                          + versions.get(versions.size() - 1)),
                  auditor);
        } while (page.status() == 503 && System.nanoTime() < deadline);
        assertThat(page.status()).as(page.raw().body()).isEqualTo(200);
        List<String> eventIds = new ArrayList<>();
        Set<String> registered = new HashSet<>();
        for (JsonNode event : page.body().get("events")) {
          eventIds.add(event.get("eventId").asText());
          if (event.get("type").asText().equals("UserRegistered")) {
            registered.add(event.get("aggregateId").asText() + ":0");
          }
        }
        assertThat(eventIds).hasSize(USERS + 1).doesNotHaveDuplicates();
        assertThat(registered).containsExactlyInAnyOrderElementsOf(versions);
        Api.Answer users =
            Api.get(queries.uri("/organizations/" + org + "/two-factor-counts"), admin);
        assertThat(users.body().get("total").asInt()).isEqualTo(USERS);
      } finally {
        queries.close();
      }
    }
  }
}
