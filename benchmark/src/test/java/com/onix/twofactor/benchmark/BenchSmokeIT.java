package com.onix.twofactor.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./onix bench --smoke} as a user runs it, on the jars this build packaged: the services
 * start on a fresh store, every measurement runs for a moment, and the table has every row. It
 * checks that the benchmark works, not how fast anything is.
 */
class BenchSmokeIT {

  static final List<String> ROWS =
      List.of(
          "baseline GET /caller, command side",
          "baseline GET /caller, query side",
          "POST /sign-in/verifications TOTP",
          "open loop TOTP @ 20/s",
          "GET /sign-in/requirements",
          "POST .../access-codes (admin)",
          "POST /sign-in/verifications ACCESS_CODE",
          "GET .../audit-events page of 100",
          "projection lag under TOTP load",
          "view rebuild",
          "growth: verify TOTP @",
          "growth: requirements @",
          "growth: audit page @",
          "verify-audit @",
          "GET audit-integrity @",
          "audit chain: cost of a link @",
          "peak heap, command side",
          "peak heap, query side");

  @TempDir Path results;

  @Test
  void theSmokeRunPrintsEveryRowAndWritesTheJson() throws IOException, InterruptedException {
    Path root = Path.of(System.getProperty("onix.root", "..")).toRealPath();
    Path output = results.resolve("stdout.txt");
    Path errors = results.resolve("stderr.txt");
    ProcessBuilder bench =
        new ProcessBuilder("bash", root.resolve("onix").toString(), "bench", "--smoke")
            .directory(root.toFile())
            .redirectOutput(output.toFile())
            .redirectError(errors.toFile());
    bench.command().addAll(List.of("--results", results.resolve("json").toString()));
    bench.environment().put("ONIX_BENCH_BUILD", "never");
    bench.environment().remove("ONIX_MONGO_URI");
    // Quick starts matter more than peak speed here.
    bench.environment().put("ONIX_JAVA_OPTS", "-XX:TieredStopAtLevel=1");
    Process process = bench.start();
    boolean finished = process.waitFor(3, TimeUnit.MINUTES);
    if (!finished) {
      process.destroy();
      process.waitFor(30, TimeUnit.SECONDS);
    }
    String table = Files.readString(output, StandardCharsets.UTF_8);
    String log = Files.readString(errors, StandardCharsets.UTF_8);

    assertThat(finished).as("finished within 3 minutes; stderr:%n%s", log).isTrue();
    assertThat(process.exitValue()).as("exit status; stderr:%n%s", log).isZero();
    List<String> lines = table.lines().toList();
    for (String row : ROWS) {
      assertThat(lines).as("the table:%n%s", table).anyMatch(line -> line.startsWith(row));
    }
    assertThat(lines.stream().filter(line -> line.startsWith("growth: verify TOTP @")).count())
        .as("both growth points")
        .isEqualTo(2);
    assertThat(lines.stream().filter(line -> line.startsWith("verify-audit @")).count())
        .as("the chain checked at both growth points")
        .isEqualTo(2);
    try (var json = Files.list(results.resolve("json"))) {
      assertThat(json.toList())
          .singleElement()
          .satisfies(file -> assertThat(file.toString()).endsWith("-smoke.json"));
    }
  }
}
