package com.onix.twofactor.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times the two checks of the audit chain against the store that operators and auditors run: {@code
 * ./onix verify-audit} (every organization, one walk of the store, in a process of its own, as the
 * operator runs it) and {@code GET /organizations/{orgId}/audit-integrity} (one organization, in
 * the query side).
 */
final class IntegrityTimer {

  /** What an operator waits for; a check of a million events has a minute. */
  static final Duration PATIENCE = Duration.ofMinutes(30);

  private static final Pattern SUMMARY =
      Pattern.compile("(\\d+) organizations, (\\d+) events: every audit chain holds\\.");

  /**
   * One run of {@code verify-audit}.
   *
   * @param seconds from the start of the process to its exit
   * @param walkSeconds from its first progress report (the JVM up, the store reached) to its exit:
   *     the walk itself, which recomputes every link once
   */
  record Run(
      int exitStatus, long checkedEvents, double seconds, double walkSeconds, String summary) {
    boolean verified() {
      return exitStatus == 0 && checkedEvents >= 0;
    }
  }

  /** One answer of {@code audit-integrity}. */
  record Answer(int status, boolean verified, long checkedEvents, double seconds) {}

  private final Path queryJar;

  IntegrityTimer(Path queryJar) {
    this.queryJar = queryJar;
  }

  /**
   * {@code java -jar query-side.jar verify-audit}, on the store the services use (from the env).
   */
  Run verifyAudit() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder command =
        new ProcessBuilder(
            java.toString(), "-Xmx512m", "-jar", queryJar.toString(), "verify-audit");
    long start = System.nanoTime();
    Process process = command.start();
    CompletableFuture<Long> firstProgress = firstByteAt(process.getErrorStream());
    CompletableFuture<String> stdout =
        CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
    if (!process.waitFor(PATIENCE.toMinutes(), TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("verify-audit did not finish within " + PATIENCE);
    }
    long end = System.nanoTime();
    String out = stdout.join();
    // The first byte on stderr is the heading, written once the JVM runs; the walk follows.
    long walkStart = firstProgress.getNow(start);
    Matcher summary = SUMMARY.matcher(out);
    long checked = summary.find() ? Long.parseLong(summary.group(2)) : -1;
    String lastLine = out.strip().lines().reduce((first, second) -> second).orElse("");
    return new Run(
        process.exitValue(), checked, (end - start) / 1e9, (end - walkStart) / 1e9, lastLine);
  }

  /** {@code GET /organizations/{orgId}/audit-integrity} as the organization's auditor. */
  static Answer auditIntegrity(Api api, Population.Organization organization) {
    HttpRequest request =
        Api.request(
                api.query,
                "/organizations/" + organization.id() + "/audit-integrity",
                organization.adminToken())
            .timeout(PATIENCE)
            .GET()
            .build();
    long start = System.nanoTime();
    Api.Reply reply = api.send(request);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (!reply.ok()) {
      return new Answer(reply.status(), false, 0, seconds);
    }
    JsonNode report = reply.json();
    return new Answer(
        reply.status(),
        report.path("verified").asBoolean(),
        report.path("checkedEvents").asLong(),
        seconds);
  }

  private static CompletableFuture<Long> firstByteAt(InputStream stream) {
    CompletableFuture<Long> first = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try {
                int read;
                while ((read = stream.read(buffer)) >= 0) {
                  if (read > 0) {
                    first.complete(System.nanoTime());
                  }
                }
              } catch (IOException ignored) {
                // the process is gone; what it wrote is not needed
              }
            },
            "verify-audit-stderr");
    reader.setDaemon(true);
    reader.start();
    return first;
  }

  private static String readAll(InputStream stream) {
    try {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
