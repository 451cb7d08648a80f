package com.onix.twofactor.system;

import static com.onix.twofactor.system.TwoProcessScenarioTest.register;
import static com.onix.twofactor.system.TwoProcessScenarioTest.setPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./onix backup} while the services run, the data directory wiped, {@code ./onix restore}
 * and a start: the organization, its users, an enrolled user's authenticator, an open access code
 * and the audit history are all back, and the audit chain verifies.
 */
class BackupRestoreTest {

  @TempDir Path dataDirectory;
  @TempDir Path elsewhere;

  @Test
  void aBackupTakenWhileRunningRestoresIntoAWipedDataDirectoryWithEverythingReadable()
      throws Exception {
    OnixInstallation onix = new OnixInstallation(dataDirectory);
    String operator = onix.token("--role", "PLATFORM_OPERATOR");
    String signIn = onix.token("--role", "SIGN_IN_SERVICE");
    Path backup = elsewhere.resolve("backup");
    String org;
    String eve;
    String secret;
    String accessCodeId;
    try (ServiceProcess commands = onix.startCommandSide();
        ServiceProcess queries = onix.startQuerySide()) {
      org =
          Api.post(commands.uri("/organizations"), operator, "{\"name\":\"Kept\"}")
              .body()
              .get("organizationId")
              .asText();
      String admin = onix.token("--role", "ORG_ADMIN", "--org", org);
      setPolicy(commands, org, admin, true);
      eve = register(commands, org, admin, "eve@kept.example", "PASSWORD");
      register(commands, org, admin, "sam@kept.example", "PASSWORD");
      secret = Enrollment.enroll(commands, signIn, eve);
      Api.Answer issued =
          Api.post(
              commands.uri("/organizations/" + org + "/users/" + eve + "/access-codes"),
              admin,
              "{\"lifetimeMinutes\":60}");
      assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
      accessCodeId = issued.body().get("accessCodeId").asText();

      String said = onix.launcher("backup", backup.toString());
      assertThat(said).as("nothing of the backup printed").isEmpty();

      register(commands, org, admin, "late@kept.example", "PASSWORD"); // after the backup
      assertThatThrownBy(() -> onix.launcher("restore", backup.toString()))
          .hasMessageContaining("The services are running");
    }
    assertThat(backup.resolve("store/onix.mv")).exists();
    assertThatThrownBy(() -> onix.launcher("restore", backup.toString()))
        .hasMessageContaining("already holds store keys");

    wipe(dataDirectory);
    onix.launcher("restore", backup.toString());

    try (ServiceProcess commands = onix.startCommandSide();
        ServiceProcess queries = onix.startQuerySide()) {
      String admin = onix.token("--role", "ORG_ADMIN", "--org", org);
      assertThat(requirements(queries, signIn, "sam@kept.example").get("twoFactor").asText())
          .isEqualTo("SETUP_REQUIRED");
      JsonNode eves = requirements(queries, signIn, "eve@kept.example");
      assertThat(eves.get("twoFactor").asText()).isEqualTo("VERIFICATION_REQUIRED");
      assertThat(eves.get("methods").toString()).isEqualTo("[\"TOTP\",\"ACCESS_CODE\"]");
      JsonNode adminView =
          Api.get(queries.uri("/organizations/" + org + "/users/" + eve), admin).body();
      assertThat(adminView.get("accessCode").get("accessCodeId").asText()).isEqualTo(accessCodeId);
      assertThat(Api.get(queries.uri(requirementsPath("late@kept.example")), signIn).status())
          .as("registered after the backup")
          .isNotEqualTo(200);

      // The data key came back with the store: the authenticator still works.
      String fresh = IndependentTotp.codeAt(secret, Instant.now().plus(Duration.ofSeconds(30)));
      Api.Answer verified =
          Api.post(
              commands.uri("/sign-in/verifications"),
              signIn,
              "{\"userId\":\"" + eve + "\",\"method\":\"TOTP\",\"code\":\"" + fresh + "\"}");
      assertThat(verified.status()).as(verified.raw().body()).isEqualTo(200);
      assertThat(verified.body().get("verified").asBoolean()).isTrue();

      JsonNode audit =
          Api.get(
                  queries.uri("/organizations/" + org + "/audit-events?userId=" + eve),
                  onix.token("--role", "AUDITOR", "--org", org))
              .body();
      List<String> types = new ArrayList<>();
      audit.get("events").forEach(event -> types.add(event.get("type").asText()));
      assertThat(types).hasSizeGreaterThanOrEqualTo(3);

      onix.launcher("verify-audit"); // exits 1, and so throws, on a broken chain
    }
  }

  private static String requirementsPath(String email) {
    return "/sign-in/requirements?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8);
  }

  private static JsonNode requirements(ServiceProcess queries, String token, String email)
      throws Exception {
    Api.Answer answer = Api.get(queries.uri(requirementsPath(email)), token);
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
    return answer.body();
  }

  private static void wipe(Path directory) throws Exception {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        if (!file.equals(directory)) {
          Files.delete(file);
        }
      }
    }
    assertThat(directory).isEmptyDirectory();
  }
}
