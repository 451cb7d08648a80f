package com.onix.twofactor.benchmark;

import com.onix.twofactor.benchmark.Population.BenchUser;
import com.onix.twofactor.benchmark.Population.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/** One run: the population, then every measurement in turn, as rows of the result. */
final class Benchmark {

  static final double MAX_HEAP_MB = 512;
  private static final int LAG_PROBERS = 4;

  /** Enough workers that the generator is not the queue up to the highest rate measured. */
  private static final int OPEN_LOOP_WORKERS = 128;

  /** The rate at which the open loop's p99 has a target. */
  private static final int STEADY_RATE = 500;

  private static final Duration CATCH_UP_PATIENCE = Duration.ofMinutes(45);

  private final BenchOptions options;
  private final Api api;
  private final LoadGenerator generator;
  private final OpenLoopGenerator openLoop;
  private final Progress progress;
  private final Map<String, Object> facts = new LinkedHashMap<>();
  private final List<ResultRow> rows = new ArrayList<>();
  private LoadResult commandBase;
  private LoadResult queryBase;
  private LoadResult verifyTotp;
  private LoadResult issueCodes;

  Benchmark(BenchOptions options, Progress progress) {
    this.options = options;
    this.progress = progress;
    this.api = new Api(options.commandSide(), options.querySide());
    this.generator = new LoadGenerator(options.commandPid(), options.queryPid());
    this.openLoop = new OpenLoopGenerator(options.commandPid(), options.queryPid());
  }

  List<ResultRow> rows() {
    return rows;
  }

  Map<String, Object> facts() {
    return facts;
  }

  void run(Path recordings) throws Exception {
    progress.say(
        "Loading %,d users in %d organizations through the API...",
        options.users(), options.organizations());
    long loadStart = System.nanoTime();
    Population population =
        new PopulationLoader(api, new TokenMinter(options.commandJar()), progress)
            .load(options.organizations(), options.users(), options.setupConnections());
    StoreStatus status = new StoreStatus(api, population.operatorToken());
    long populated =
        status.awaitCaughtUp(Duration.ofMillis(100), CATCH_UP_PATIENCE).eventsInStore();
    double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
    facts.put("organizations", population.organizations().size());
    facts.put("users", population.users().size());
    for (Kind kind : Kind.values()) {
      facts.put("users" + kind, population.ofKind(kind).size());
    }
    facts.put("eventsAfterPopulation", populated);
    facts.put("populationSeconds", loadSeconds);
    progress.say("  %,d events stored in %.1f s", populated, loadSeconds);

    TotpUserPool totp = totpPool(population);
    String signIn = population.signInToken();

    commandBase =
        measure("baseline GET /caller, command side", Workloads.baseline(api, api.command, signIn));
    queryBase =
        measure("baseline GET /caller, query side", Workloads.baseline(api, api.query, signIn));
    rows.add(ResultRow.of(commandBase.name(), commandBase, commandBase));
    rows.add(ResultRow.of(queryBase.name(), queryBase, queryBase));

    LoadResult verify =
        measure("POST /sign-in/verifications TOTP", Workloads.verifyTotp(api, totp, signIn));
    verifyTotp = verify;
    ResultRow verifyRow = ResultRow.of(verify.name(), verify, commandBase);
    rows.add(
        verifyRow.withTarget(
            ">=1000/s, p99<=50ms, >=25% of base",
            verifyRow.clean()
                && verify.throughput() >= 1000
                && verify.percentileMillis(99) <= 50
                && verifyRow.rateVsBaseline() != null
                && verifyRow.rateVsBaseline() >= 0.25));

    for (int rate : options.openRates()) {
      rows.add(openLoopVerifications(rate, totp, signIn));
    }

    LoadResult requirements =
        measure(
            "GET /sign-in/requirements", Workloads.requirements(api, population.users(), signIn));
    ResultRow requirementsRow = ResultRow.of(requirements.name(), requirements, queryBase);
    rows.add(
        requirementsRow.withTarget(
            ">=50% of base",
            requirementsRow.clean()
                && requirementsRow.rateVsBaseline() != null
                && requirementsRow.rateVsBaseline() >= 0.5));

    Map<String, Workloads.IssuedCode> issued = new ConcurrentHashMap<>();
    LoadResult issue =
        measure(
            "POST .../access-codes (admin)",
            Workloads.issueAccessCode(api, shuffledQueue(population.accessCodeEligible()), issued));
    issueCodes = issue;
    rows.add(ResultRow.of(issue.name(), issue, commandBase));

    LoadResult redeem =
        measure(
            "POST /sign-in/verifications ACCESS_CODE",
            Workloads.verifyAccessCode(api, new ConcurrentLinkedQueue<>(issued.values()), signIn));
    ResultRow redeemRow = ResultRow.of(redeem.name(), redeem, commandBase);
    rows.add(redeemRow.withNote(issued.size() + " codes issued; " + redeemRow.note()));

    LoadResult audit =
        measure(
            "GET .../audit-events page of 100",
            Workloads.auditPages(api, population.organizations()));
    rows.add(ResultRow.of(audit.name(), audit, queryBase));

    // Lag under load, not the backlog the commands above may have left: start caught up.
    status.awaitCaughtUp(Duration.ofMillis(100), CATCH_UP_PATIENCE);
    rows.add(projectionLag(population, totp, signIn));
    status.awaitCaughtUp(Duration.ofMillis(100), CATCH_UP_PATIENCE);

    progress.say("View rebuild...");
    ViewRebuildTimer.Rebuild rebuild =
        new ViewRebuildTimer(api, population.operatorToken()).run(CATCH_UP_PATIENCE);
    rows.add(
        new ResultRow(
                "view rebuild",
                "events/s",
                rebuild.eventsPerSecond(),
                null,
                null,
                null,
                rebuild.events(),
                0L,
                Map.of(),
                null,
                null,
                null,
                null,
                String.format("%,d events in %.1f s", rebuild.events(), rebuild.seconds()))
            .withTarget(">=20000 events/s", rebuild.eventsPerSecond() >= 20_000));

    growth(population, totp, status);
    if (options.before() != null) {
      rows.addAll(BeforeComparison.read(options.before()).compare(rows));
    }
    heap(recordings);
  }

  private void growth(Population population, TotpUserPool totp, StoreStatus status)
      throws Exception {
    long small = status.awaitCaughtUp(Duration.ofMillis(100), CATCH_UP_PATIENCE).eventsInStore();
    facts.put("growthSmallEvents", small);
    List<LoadResult> before = growthPoint(population, totp, small);
    List<String> names = before.stream().map(LoadResult::name).toList();
    for (LoadResult result : before) {
      rows.add(ResultRow.of(result.name(), result, baselineOf(result)));
    }
    integrity(population, small);
    long target = options.growthEvents();
    HistorySeeder seeder = HistorySeeders.choose(options.growthSeeder(), small, target);
    facts.put("growthSeeder", seeder.name());
    facts.put("growthTargetEvents", target);
    progress.say(
        "Growing the store from %,d to %,d events (%s seeder)...", small, target, seeder.name());
    try {
      seeder.seed(
          target,
          HistorySeeder.Context.of(
              api, population, status, System.getenv(), options.setupConnections(), progress));
    } catch (UnsupportedOperationException notWired) {
      progress.say("  %s", notWired.getMessage());
      for (String name : names) {
        rows.add(
            ResultRow.note(growthName(name, target), "not measured: " + notWired.getMessage())
                .withTarget("p50, p99 <= 2x smaller store", false));
      }
      return;
    }
    long seeded = System.nanoTime();
    StoreStatus.Counts behind = status.now();
    long large = status.awaitCaughtUp(Duration.ofMillis(250), CATCH_UP_PATIENCE).eventsInStore();
    double catchUpSeconds = (System.nanoTime() - seeded) / 1e9;
    progress.say(
        "  the views caught up %.1f s after the seeding ended (%,d events behind then)",
        catchUpSeconds, behind.eventsInStore() - behind.eventsProjected());
    facts.put("growthCatchUpSeconds", Math.round(catchUpSeconds * 10) / 10.0);
    facts.put("growthLargeEvents", large);
    List<LoadResult> after = growthPoint(population, totp, large);
    for (int i = 0; i < after.size(); i++) {
      LoadResult smaller = before.get(i);
      LoadResult larger = after.get(i);
      ResultRow row = ResultRow.of(larger.name(), larger, baselineOf(larger));
      double p50Ratio = larger.percentileMillis(50) / smaller.percentileMillis(50);
      double p99Ratio = larger.percentileMillis(99) / smaller.percentileMillis(99);
      rows.add(
          row.withTarget(
                  "p50, p99 <= 2x smaller store", row.clean() && p50Ratio <= 2 && p99Ratio <= 2)
              .withNote(
                  String.format(
                      "vs %,d events: p50 %s, p99 %s; %s",
                      small, times(p50Ratio), times(p99Ratio), row.note())));
    }
    integrity(population, large);
  }

  /**
   * The operator's and the auditor's check of the chain at this store size, and what the chain
   * costs per event against what a verification and an access code cost (same run).
   */
  private void integrity(Population population, long events) throws Exception {
    if (options.queryJar() == null) {
      rows.add(ResultRow.note("verify-audit" + at(events), "not measured: no --query-jar"));
      return;
    }
    progress.say("./onix verify-audit%s...", at(events));
    IntegrityTimer.Run run = new IntegrityTimer(options.queryJar()).verifyAudit();
    progress.say("  %s in %.1f s (exit %d)", run.summary(), run.seconds(), run.exitStatus());
    rows.add(ChainCost.verifyAuditRow("verify-audit" + at(events), run, events));
    Population.Organization largest = population.organizations().get(0);
    progress.say("GET audit-integrity of one organization%s...", at(events));
    IntegrityTimer.Answer answer = IntegrityTimer.auditIntegrity(api, largest);
    progress.say(
        "  %d, verified %s, %,d events checked in %.1f s",
        answer.status(), answer.verified(), answer.checkedEvents(), answer.seconds());
    rows.add(ChainCost.auditIntegrityRow("GET audit-integrity" + at(events), answer, events));
    if (run.verified() && run.checkedEvents() > 0) {
      rows.add(
          ChainCost.perEventRow(
              "audit chain: cost of a link" + at(events), run, verifyTotp, issueCodes));
    }
  }

  private static String at(long events) {
    return String.format(" @ %,d events", events);
  }

  private static String times(double ratio) {
    return Double.isNaN(ratio) ? "n/a (no samples)" : String.format("%.2fx", ratio);
  }

  private LoadResult baselineOf(LoadResult result) {
    return result.name().contains("verify") ? commandBase : queryBase;
  }

  private List<LoadResult> growthPoint(Population population, TotpUserPool totp, long events)
      throws InterruptedException {
    String at = String.format(" @ %,d events", events);
    List<LoadResult> results = new ArrayList<>();
    results.add(
        measure(
            "growth: verify TOTP" + at, Workloads.verifyTotp(api, totp, population.signInToken())));
    results.add(
        measure(
            "growth: requirements" + at,
            Workloads.requirements(api, population.users(), population.signInToken())));
    results.add(
        measure("growth: audit page" + at, Workloads.auditPages(api, population.organizations())));
    return results;
  }

  private static String growthName(String smallName, long events) {
    return smallName.substring(0, smallName.indexOf(" @ "))
        + String.format(" @ %,d events", events);
  }

  private ResultRow projectionLag(Population population, TotpUserPool totp, String signIn)
      throws InterruptedException {
    ProjectionLagProbe probe =
        new ProjectionLagProbe(
            api,
            shuffledQueue(population.accessCodeEligible()),
            options.warmup(),
            options.duration());
    List<Thread> probers = new ArrayList<>();
    for (int i = 0; i < LAG_PROBERS; i++) {
      Thread prober = new Thread(probe, "projection-lag-" + i);
      prober.start();
      probers.add(prober);
    }
    LoadResult load =
        measure("projection lag under TOTP load", Workloads.verifyTotp(api, totp, signIn));
    for (Thread prober : probers) {
      prober.join();
    }
    long errors =
        probe.errors.values().stream().mapToLong(Long::longValue).sum() + load.errorCount();
    double p99 = probe.lagMicros.getValueAtPercentile(99) / 1000.0;
    boolean any = probe.lagMicros.getTotalCount() > 0;
    return new ResultRow(
            "projection lag under TOTP load",
            "probes/s",
            probe.probes() / (options.duration().toMillis() / 1000.0),
            any ? probe.lagMicros.getValueAtPercentile(50) / 1000.0 : null,
            any ? p99 : null,
            any ? probe.lagMicros.getValueAtPercentile(99.9) / 1000.0 : null,
            probe.probes(),
            errors,
            probe.errors,
            null,
            null,
            null,
            null,
            String.format(
                any
                    ? "command 2xx -> visible via minVersion, %,d samples; TOTP load %,.0f/s"
                    : "no probe finished in the window (lag longer than it?), %d; TOTP load %,.0f/s",
                probe.lagMicros.getTotalCount(),
                load.throughput()))
        .withTarget("p99<=250ms", any && errors == 0 && p99 <= 250);
  }

  private void heap(Path recordings) throws Exception {
    Files.createDirectories(recordings);
    heapRow(
        "peak heap, command side", options.commandPid(), recordings.resolve("command-side.jfr"));
    heapRow("peak heap, query side", options.queryPid(), recordings.resolve("query-side.jfr"));
  }

  private void heapRow(String name, long pid, Path file) {
    HeapReport.Heap heap = HeapReport.of(pid, file, progress);
    if (heap == null) {
      rows.add(
          ResultRow.note(
              name,
              "unknown (no --"
                  + (name.contains("command") ? "command" : "query")
                  + "-pid, or no flight recording)"));
      return;
    }
    double peakMb = heap.peakUsedBytes() / 1048576.0;
    rows.add(
        ResultRow.note(
                name,
                heap.alive()
                    ? String.format(
                        "peak used %.0f MB, peak live (after GC) %.0f MB, max %.0f MB; %d GCs, %.2f s paused (JFR)",
                        peakMb,
                        heap.peakLiveBytes() / 1048576.0,
                        heap.maxBytes() / 1048576.0,
                        heap.collections(),
                        heap.pauseSeconds())
                    : "the process is gone (out of memory?)")
            .withTarget("<=512 MB, no OOM", heap.alive() && peakMb <= MAX_HEAP_MB));
  }

  /** TOTP verifications arriving at a steady {@code rate}, latency from each one's due time. */
  private ResultRow openLoopVerifications(int rate, TotpUserPool totp, String signIn)
      throws InterruptedException {
    String name = "open loop TOTP @ " + rate + "/s";
    progress.say("%s: %s + %s...", name, seconds(options.warmup()), seconds(options.duration()));
    LoadResult result =
        openLoop.run(
            name,
            rate,
            OPEN_LOOP_WORKERS,
            options.warmup(),
            options.duration(),
            Workloads.verifyTotp(api, totp, signIn));
    progress.say(
        "  p50 %.2f ms, p99 %.2f ms, %d errors %s",
        result.percentileMillis(50),
        result.percentileMillis(99),
        result.errorCount(),
        result.errors());
    ResultRow row = ResultRow.of(name, result, commandBase);
    row = row.withNote("latency from due time; " + row.note());
    return rate == STEADY_RATE
        ? row.withTarget(
            "p99<=50ms at " + STEADY_RATE + "/s", row.clean() && result.percentileMillis(99) <= 50)
        : row;
  }

  private LoadResult measure(String name, Supplier<Operation> operation)
      throws InterruptedException {
    progress.say(
        "%s: %d connections, %s + %s...",
        name, options.connections(), seconds(options.warmup()), seconds(options.duration()));
    LoadResult result =
        generator.run(name, options.connections(), options.warmup(), options.duration(), operation);
    progress.say(
        "  %,.0f/s, p50 %.2f ms, p99 %.2f ms, %d errors %s",
        result.throughput(),
        result.percentileMillis(50),
        result.percentileMillis(99),
        result.errorCount(),
        result.errors().isEmpty() ? "" : result.errors());
    return result;
  }

  private static String seconds(Duration duration) {
    return String.format("%.1fs", duration.toMillis() / 1000.0);
  }

  private TotpUserPool totpPool(Population population) {
    List<TotpUserPool.Slot> slots = new ArrayList<>();
    for (BenchUser user : population.ofKind(Kind.TOTP)) {
      slots.add(new TotpUserPool.Slot(user, user.enrolledStep()));
    }
    Collections.shuffle(slots);
    return new TotpUserPool(slots, System::currentTimeMillis);
  }

  private static <T> ConcurrentLinkedQueue<T> shuffledQueue(List<T> items) {
    List<T> copy = new ArrayList<>(items);
    Collections.shuffle(copy);
    return new ConcurrentLinkedQueue<>(copy);
  }
}
