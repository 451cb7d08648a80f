package com.onix.twofactor.benchmark;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code java -jar benchmark.jar --command-url ... --query-url ... --command-jar ...}: runs every
 * measurement against two running services, prints the table on stdout and writes it as JSON. Exit
 * 0 when the run completed, whether or not every target was met; 1 when it could not run.
 */
public final class BenchmarkMain {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private BenchmarkMain() {}

  public static void main(String[] args) {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage() + "\n" + BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    Progress progress = new Progress(System.err);
    Instant started = Instant.now();
    Benchmark benchmark = new Benchmark(options, progress);
    try {
      // Inside the data directory ./onix bench removes afterwards, even when this JVM is killed.
      String dataDirectory = System.getenv("ONIX_DATA_DIR");
      Path recordings =
          dataDirectory == null
              ? Files.createTempDirectory("onix-bench-jfr")
              : Files.createDirectories(Path.of(dataDirectory, "recordings"));
      try {
        benchmark.run(recordings);
      } finally {
        deleteRecordings(recordings);
      }
      String table = ResultTable.render(benchmark.rows());
      System.out.println();
      System.out.print(table);
      Path json = writeJson(options, started, benchmark);
      System.out.println();
      System.out.println("Written to " + json);
      System.exit(0);
    } catch (Exception e) {
      progress.say("The benchmark failed: %s", e);
      if (!benchmark.rows().isEmpty()) {
        progress.say("Rows measured so far:%n%s", ResultTable.render(benchmark.rows()));
      }
      System.exit(1);
    }
  }

  private static Path writeJson(BenchOptions options, Instant started, Benchmark benchmark)
      throws IOException {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("startedAt", started.toString());
    result.put("finishedAt", Instant.now().toString());
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put(
        "java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    machine.put(
        "store",
        System.getenv().getOrDefault("ONIX_MONGO_URI", "").isBlank()
            ? "embedded"
            : "ONIX_MONGO_URI");
    result.put("machine", machine);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("connections", options.connections());
    settings.put("warmupSeconds", options.warmup().toMillis() / 1000.0);
    settings.put("durationSeconds", options.duration().toMillis() / 1000.0);
    settings.put("smoke", options.smoke());
    result.put("settings", settings);
    result.put("population", benchmark.facts());
    result.put("rows", benchmark.rows());
    Files.createDirectories(options.resultsDirectory());
    Path file =
        options
            .resultsDirectory()
            .resolve(STAMP.format(started) + (options.smoke() ? "-smoke" : "") + ".json");
    Api.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), result);
    return file;
  }

  private static void deleteRecordings(Path directory) throws IOException {
    try (var files = Files.list(directory)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
    }
    Files.deleteIfExists(directory);
  }
}
