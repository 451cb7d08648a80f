package com.onix.twofactor.query.audit.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.query.testing.EventFeed;
import com.onix.twofactor.query.testing.QueryClient;
import com.onix.twofactor.query.testing.QuerySideIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An auditor checks an export with docs/verify_audit_export.py: Python's standard library, none of
 * this project's code. The actor's id has a quote, a backslash and characters beyond ASCII, so that
 * the canonical form's escaping is met too.
 */
class OfflineExportVerificationTest extends QuerySideIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SCRIPT = findScript();

  @TempDir Path directory;

  private List<String> lines;

  @BeforeEach
  void anExport() {
    String org = UUID.randomUUID().toString();
    String user = UUID.randomUUID().toString();
    EventFeed odd = feed.as(EventFeed.Actor.of("Zoë \"the\" \\ auditor ☃", "ORG_ADMIN,AUDITOR"));
    odd.organizationRegistered(org, "Offline Oy");
    odd.userRegistered(org, user, "offline-" + user + "@example.org", "Åsa", SignInMethod.PASSWORD);
    odd.policyEnabled(org);
    EventFeed.Appended last = odd.policyDisabled(org);
    QueryClient.Reply export =
        api.get(
            "/organizations/" + org + "/audit-events?minVersion=" + QueryClient.q(last.version()),
            "Bearer " + tokens.auditor(org),
            QueryClient.NDJSON);
    assertThat(export.status()).isEqualTo(200);
    lines = new ArrayList<>(List.of(export.body().split("\n")));
    assertThat(lines).hasSize(4);
  }

  @Test
  void anUntouchedExportChecksOut() throws Exception {
    Result result = verify(lines);

    assertThat(result.status()).as(result.output()).isZero();
    assertThat(result.output()).startsWith("OK: 4 entries");
  }

  @Test
  void aChangedHashedMemberIsCaught() throws Exception {
    ObjectNode entry = (ObjectNode) JSON.readTree(lines.get(2));
    ((ObjectNode) entry.path("stored")).put("timestamp", "2001-01-01T00:00:00.000Z");
    entry.put("occurredAt", "2001-01-01T00:00:00Z");
    lines.set(2, JSON.writeValueAsString(entry));

    Result result = verify(lines);

    assertThat(result.status()).isEqualTo(1);
    assertThat(result.output()).contains("position 3").contains("the hash does not match");
  }

  @Test
  void aDisplayedActorThatIsNotTheHashedOneIsCaught() throws Exception {
    ObjectNode entry = (ObjectNode) JSON.readTree(lines.get(1));
    ((ObjectNode) entry.path("actor")).put("id", "someone-else");
    lines.set(1, JSON.writeValueAsString(entry));

    Result result = verify(lines);

    assertThat(result.status()).isEqualTo(1);
    assertThat(result.output()).contains("position 2").contains("actor.id");
  }

  @Test
  void aLineLeftOutIsCaught() throws Exception {
    lines.remove(1);

    Result result = verify(lines);

    assertThat(result.status()).isEqualTo(1);
    assertThat(result.output()).contains("position 2 is missing");
  }

  @Test
  void aRechainedLineIsCaughtAtTheNextLink() throws Exception {
    ObjectNode entry = (ObjectNode) JSON.readTree(lines.get(1));
    entry.put("hash", "f".repeat(64));
    lines.set(1, JSON.writeValueAsString(entry));

    Result result = verify(lines);

    assertThat(result.status()).isEqualTo(1);
    assertThat(result.output()).contains("position 2").contains("the hash does not match");
  }

  private record Result(int status, String output) {}

  private Result verify(List<String> export) throws IOException, InterruptedException {
    Path file = directory.resolve("history-" + UUID.randomUUID() + ".ndjson");
    Files.writeString(file, String.join("\n", export) + "\n", StandardCharsets.UTF_8);
    Process python =
        new ProcessBuilder("python3", SCRIPT.toString(), file.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(python.exitValue(), output);
  }

  private static Path findScript() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path script = dir.resolve("docs/verify_audit_export.py");
      if (Files.isRegularFile(script)) {
        return script;
      }
    }
    throw new IllegalStateException("docs/verify_audit_export.py not found above the module");
  }
}
