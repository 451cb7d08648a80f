package com.onix.twofactor.benchmark;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What one benchmark run does, from the command line {@code ./onix bench} passes on. */
record BenchOptions(
    URI commandSide,
    URI querySide,
    Path commandJar,
    Path queryJar,
    int organizations,
    int users,
    int connections,
    int setupConnections,
    Duration warmup,
    Duration duration,
    List<Integer> openRates,
    long growthEvents,
    String growthSeeder,
    Path resultsDirectory,
    long commandPid,
    long queryPid,
    boolean smoke,
    Path before) {

  static final String USAGE =
      """
      usage: java -jar benchmark.jar --command-url URL --query-url URL --command-jar PATH [options]
        --organizations N     organizations to create (default 4)
        --users N             users across them: 75 % enrolled TOTP, 15 % password without 2FA,
                              10 % Entra ID (default 4000)
        --connections N       concurrent connections of each measurement (default 16)
        --setup-connections N concurrent connections while loading the population (default 16)
        --warmup DURATION     unrecorded lead-in of each measurement, e.g. 5s (default 5s)
        --duration DURATION   recorded part of each measurement, e.g. 10s (default 10s)
        --open-rates R,R,...  verifications/s of the open-loop rows (default 250,500,1000)
        --growth-events N     store size of the second growth point (default 1000000)
        --growth-seeder NAME  auto (http up to 50,000 added events, else bulk), http or bulk
        --results DIR         where the JSON result goes (default bench/results)
        --query-jar PATH      the query side's jar, whose verify-audit the integrity rows time
        --before FILE         a result JSON of an earlier run (e.g. before a change): rows
                              "vs before" compare each rate to its baseline against that run's
        --command-pid PID, --query-pid PID  the services' processes, for their peak heap and CPU
        --smoke               tiny sizes and a second per measurement: checks the bench works
      """;

  static BenchOptions parse(String... args) {
    URI command = null;
    URI query = null;
    Path jar = null;
    Path queryJar = null;
    Path before = null;
    boolean smoke = false;
    Integer organizations = null;
    Integer users = null;
    Integer connections = null;
    Integer setupConnections = null;
    Duration warmup = null;
    Duration duration = null;
    Long growthEvents = null;
    List<Integer> openRates = null;
    String seeder = "auto";
    Path results = Path.of("bench", "results");
    long commandPid = -1;
    long queryPid = -1;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--smoke")) {
        smoke = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--command-url" -> command = URI.create(value);
        case "--query-url" -> query = URI.create(value);
        case "--command-jar" -> jar = Path.of(value);
        case "--query-jar" -> queryJar = Path.of(value);
        case "--before" -> before = Path.of(value);
        case "--organizations" -> organizations = positive(option, value);
        case "--users" -> users = positive(option, value);
        case "--connections" -> connections = positive(option, value);
        case "--setup-connections" -> setupConnections = positive(option, value);
        case "--warmup" -> warmup = duration(option, value);
        case "--duration" -> duration = duration(option, value);
        case "--open-rates" -> openRates = rates(option, value);
        case "--growth-events" -> growthEvents = (long) positive(option, value);
        case "--growth-seeder" -> seeder = seederName(value);
        case "--results" -> results = Path.of(value);
        case "--command-pid" -> commandPid = Long.parseLong(value);
        case "--query-pid" -> queryPid = Long.parseLong(value);
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    if (command == null || query == null || jar == null) {
      throw new IllegalArgumentException("--command-url, --query-url and --command-jar are needed");
    }
    return new BenchOptions(
        command,
        query,
        jar,
        queryJar,
        or(organizations, smoke ? 1 : 4),
        or(users, smoke ? 60 : 4_000),
        or(connections, smoke ? 4 : 16),
        or(setupConnections, smoke ? 4 : 16),
        or(warmup, smoke ? Duration.ofMillis(200) : Duration.ofSeconds(5)),
        or(duration, smoke ? Duration.ofMillis(500) : Duration.ofSeconds(10)),
        or(openRates, smoke ? List.of(20) : List.of(250, 500, 1000)),
        or(growthEvents, smoke ? 600L : 1_000_000L),
        seeder,
        results,
        commandPid,
        queryPid,
        smoke,
        before);
  }

  private static <T> T or(T given, T fallback) {
    return given != null ? given : fallback;
  }

  private static int positive(String option, String value) {
    int number = Integer.parseInt(value.replace("_", "").replace(",", ""));
    if (number <= 0) {
      throw new IllegalArgumentException(option + " must be positive");
    }
    return number;
  }

  private static List<Integer> rates(String option, String value) {
    List<Integer> rates = new ArrayList<>();
    for (String rate : value.split(",")) {
      rates.add(positive(option, rate.strip()));
    }
    return List.copyOf(rates);
  }

  private static String seederName(String value) {
    String name = value.toLowerCase(Locale.ROOT);
    if (!name.equals("auto") && !name.equals("http") && !name.equals("bulk")) {
      throw new IllegalArgumentException("--growth-seeder is auto, http or bulk");
    }
    return name;
  }

  /** {@code 500ms}, {@code 10s} or {@code 2m}. */
  static Duration duration(String option, String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    try {
      if (text.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
      }
      if (text.endsWith("s")) {
        return Duration.ofMillis(
            Math.round(Double.parseDouble(text.substring(0, text.length() - 1)) * 1000));
      }
      if (text.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(option + " takes a duration such as 500ms, 10s or 2m");
  }
}
