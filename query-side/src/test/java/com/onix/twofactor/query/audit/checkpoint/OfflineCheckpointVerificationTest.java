package com.onix.twofactor.query.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.query.testing.EventFeed;
import com.onix.twofactor.query.testing.QueryClient;
import com.onix.twofactor.query.testing.QuerySideIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The auditor's recipe, as the docs give it: the checkpoint's signature checked by openssl with the
 * published PEM key (docs/verify_audit_checkpoint.sh), and an export checked against the checkpoint
 * by docs/verify_audit_export.py. Neither uses this project's code.
 */
class OfflineCheckpointVerificationTest extends QuerySideIntegrationTest {

  @TempDir Path directory;

  private Path checkpoint;
  private Path key;
  private List<String> export;

  @BeforeEach
  void aCheckpointItsKeyAndAnExport() throws Exception {
    String org = UUID.randomUUID().toString();
    String user = UUID.randomUUID().toString();
    feed.organizationRegistered(org, "Recipe BV");
    feed.userRegistered(
        org, user, "recipe-" + user + "@example.org", "Rita", SignInMethod.PASSWORD);
    EventFeed.Appended last = feed.policyEnabled(org);
    QueryClient.Reply exported =
        api.get(
            "/organizations/" + org + "/audit-events?minVersion=" + QueryClient.q(last.version()),
            "Bearer " + tokens.auditor(org),
            QueryClient.NDJSON);
    assertThat(exported.status()).isEqualTo(200);
    export = new ArrayList<>(List.of(exported.body().split("\n")));
    QueryClient.Reply signed =
        api.send(
            "POST",
            "/organizations/" + org + "/audit-checkpoints",
            "Bearer " + tokens.auditor(org),
            QueryClient.JSON);
    assertThat(signed.status()).as("%s", signed).isEqualTo(201);
    String jws = signed.json().path("checkpoint").asText();
    checkpoint = Files.writeString(directory.resolve("checkpoint.jws"), jws);
    String kid = JWSObject.parse(jws).getHeader().getKeyID();
    QueryClient.Reply pem =
        api.get("/audit-checkpoint-keys/" + kid, null, "application/x-pem-file");
    assertThat(pem.status()).as("%s", pem).isEqualTo(200);
    key = Files.writeString(directory.resolve("key.pem"), pem.body());
  }

  @Test
  void opensslVerifiesTheCheckpointWithThePublishedKey() throws Exception {
    Result result = run("bash", script("verify_audit_checkpoint.sh"), checkpoint, key);

    assertThat(result.status()).as(result.output()).isZero();
    assertThat(result.output()).contains("Verified OK").contains("\"position\":3");
  }

  @Test
  void opensslRefusesACheckpointWhosePayloadWasChanged() throws Exception {
    String[] parts = Files.readString(checkpoint).split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String changed =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(payload.replace("\"position\":3", "\"position\":2").getBytes());
    Files.writeString(checkpoint, parts[0] + "." + changed + "." + parts[2]);

    Result result = run("bash", script("verify_audit_checkpoint.sh"), checkpoint, key);

    assertThat(result.status()).as(result.output()).isNotZero();
    assertThat(result.output()).contains("Verification failure");
  }

  @Test
  void theExportReachesTheCheckpointWithTheHashItSigned() throws Exception {
    Result result =
        run("python3", script("verify_audit_export.py"), write(export), "--checkpoint", checkpoint);

    assertThat(result.status()).as(result.output()).isZero();
    assertThat(result.output()).startsWith("OK: 3 entries");
  }

  @Test
  void anExportCutShortBeforeTheCheckpointFails() throws Exception {
    export.remove(export.size() - 1);

    Result result =
        run("python3", script("verify_audit_export.py"), write(export), "--checkpoint", checkpoint);

    assertThat(result.status()).isEqualTo(1);
    assertThat(result.output()).contains("cut short");
  }

  private record Result(int status, String output) {}

  private Path write(List<String> lines) throws IOException {
    return Files.writeString(
        directory.resolve("export-" + UUID.randomUUID() + ".ndjson"),
        String.join("\n", lines) + "\n");
  }

  private static Result run(Object... command) throws IOException, InterruptedException {
    List<String> arguments = new ArrayList<>();
    for (Object part : command) {
      arguments.add(part.toString());
    }
    Process process = new ProcessBuilder(arguments).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }

  private static Path script(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path script = dir.resolve("docs").resolve(name);
      if (Files.isRegularFile(script)) {
        return script;
      }
    }
    throw new IllegalStateException("docs/" + name + " not found above the module");
  }
}
