package com.onix.twofactor.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first slice as a user meets it: both services as separate processes on the embedded store,
 * tokens from the launcher's token command, and every answer read over HTTP.
 */
class TwoProcessScenarioTest {

  @TempDir Path dataDirectory;

  @Test
  void policyOnAndOffChangesWhatSignInRequiresAndTheAuditShowsEachStepWithItsActor()
      throws Exception {
    OnixInstallation onix = new OnixInstallation(dataDirectory);
    String operator = onix.token("--role", "PLATFORM_OPERATOR", "--sub", "operator-1");
    String signIn = onix.token("--role", "SIGN_IN_SERVICE", "--sub", "sign-in-page");
    String organizationId;
    String adminToken;
    try (ServiceProcess commands = onix.startCommandSide();
        ServiceProcess queries = onix.startQuerySide()) {
      Api.Answer created =
          Api.post(commands.uri("/organizations"), operator, "{\"name\":\"Acme\"}");
      assertThat(created.status()).isEqualTo(201);
      organizationId = created.body().get("organizationId").asText();
      adminToken = onix.token("--role", "ORG_ADMIN", "--org", organizationId, "--sub", "admin-1");
      String auditor = onix.token("--role", "AUDITOR", "--org", organizationId, "--sub", "aud-1");

      String ann = register(commands, organizationId, adminToken, "ann@acme.example", "PASSWORD");
      String ben = register(commands, organizationId, adminToken, "ben@acme.example", "ENTRA_ID");

      assertThat(requirement(queries, signIn, "ann@acme.example", ann + ":0"))
          .isEqualTo("NOT_REQUIRED");
      assertThat(requirement(queries, signIn, "ben@acme.example", ben + ":0")).isEqualTo("EXEMPT");

      String enabled = setPolicy(commands, organizationId, adminToken, true);
      assertThat(requirement(queries, signIn, "ann@acme.example", enabled))
          .isEqualTo("SETUP_REQUIRED");
      assertThat(requirement(queries, signIn, "ben@acme.example", enabled)).isEqualTo("EXEMPT");

      String disabled = setPolicy(commands, organizationId, adminToken, false);
      assertThat(requirement(queries, signIn, "ann@acme.example", disabled))
          .isEqualTo("NOT_REQUIRED");

      Api.Answer audit =
          Api.get(
              queries.uri(
                  "/organizations/" + organizationId + "/audit-events?minVersion=" + disabled),
              auditor);
      assertThat(audit.status()).isEqualTo(200);
      List<String> steps = new ArrayList<>();
      for (JsonNode event : audit.body().get("events")) {
        steps.add(event.get("type").asText() + " by " + event.get("actor").get("id").asText());
        assertThat(event.get("correlationId").asText()).isNotBlank();
      }
      assertThat(steps)
          .containsExactly(
              "OrganizationRegistered by operator-1",
              "UserRegistered by admin-1",
              "UserRegistered by admin-1",
              "PolicyEnabled by admin-1",
              "PolicyDisabled by admin-1");
    }

    // Restarting both keeps everything.
    try (ServiceProcess commands = onix.startCommandSide();
        ServiceProcess queries = onix.startQuerySide()) {
      assertThat(requirement(queries, signIn, "ann@acme.example", null)).isEqualTo("NOT_REQUIRED");
      Api.Answer again =
          Api.post(
              commands.uri("/organizations/" + organizationId + "/users"),
              adminToken,
              "{\"email\":\"ANN@acme.example\",\"displayName\":\"Ann\",\"signInMethod\":\"PASSWORD\"}");
      assertThat(again.status()).isEqualTo(409);
      assertThat(again.body().get("code").asText()).isEqualTo("EMAIL_TAKEN");
    }
  }

  static String register(
      ServiceProcess commands, String organizationId, String token, String email, String method)
      throws Exception {
    Api.Answer answer =
        Api.post(
            commands.uri("/organizations/" + organizationId + "/users"),
            token,
            "{\"email\":\""
                + email
                + "\",\"displayName\":\"Someone\",\"signInMethod\":\""
                + method
                + "\"}");
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
    return answer.body().get("userId").asText();
  }

  static String setPolicy(
      ServiceProcess commands, String organizationId, String token, boolean required)
      throws Exception {
    Api.Answer answer =
        Api.put(
            commands.uri("/organizations/" + organizationId + "/two-factor-policy"),
            token,
            "{\"required\":" + required + "}");
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
    return answer.header("Onix-Aggregate-Version");
  }

  static String requirement(ServiceProcess queries, String token, String email, String minVersion)
      throws Exception {
    String query =
        "/sign-in/requirements?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8);
    if (minVersion != null) {
      query += "&minVersion=" + minVersion;
    }
    Api.Answer answer = Api.get(queries.uri(query), token);
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
    return answer.body().get("twoFactor").asText();
  }
}
