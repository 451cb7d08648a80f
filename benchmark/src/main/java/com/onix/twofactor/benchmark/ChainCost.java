package com.onix.twofactor.benchmark;

import java.util.Map;

/**
 * The audit chain's rows: how long the checks of a store take, and what one link costs against a
 * command that appends one event, measured in the same run.
 *
 * <p>The chain adds no work to a command: the query side computes each link as it projects the
 * event (one canonical form and two SHA-256). {@code verify-audit} recomputes exactly that link for
 * every event, and reads the event and its entry from the store besides, so its walk time per event
 * is an upper bound of what the chain adds to each appended event. A TOTP verification and an
 * admin's access code each append one event.
 */
final class ChainCost {

  static final double MAX_SECONDS_PER_MILLION = 60;
  static final double MAX_SHARE = 0.10;

  private ChainCost() {}

  /**
   * @param counted the store's size when the growth point began; the rows measured since then added
   *     a few events, which the check counts
   */
  static ResultRow verifyAuditRow(String name, IntegrityTimer.Run run, long counted) {
    long storeEvents = Math.max(counted, run.checkedEvents());
    // Below a million events the JVM's start would dominate: scale the walk; at a million, all.
    boolean whole = storeEvents >= 1_000_000;
    double seconds = whole ? run.seconds() : run.walkSeconds();
    double perMillion = seconds * 1e6 / Math.max(1, storeEvents);
    return new ResultRow(
            name,
            "events/s",
            run.checkedEvents() > 0 ? run.checkedEvents() / run.walkSeconds() : null,
            null,
            null,
            null,
            Math.max(0, run.checkedEvents()),
            run.verified() ? 0L : 1L,
            run.verified() ? Map.of() : Map.of("exit " + run.exitStatus(), 1L),
            null,
            null,
            null,
            null,
            String.format(
                "%,d events checked in %.1f s (walk %.1f s, the rest the JVM's start): %.1f s per"
                    + " million %s; %s",
                run.checkedEvents(),
                run.seconds(),
                run.walkSeconds(),
                perMillion,
                whole ? "(all of it)" : "(the walk, scaled)",
                run.summary()))
        .withTarget("<=60 s per 1,000,000 events", run.verified() && perMillion <= 60);
  }

  static ResultRow auditIntegrityRow(String name, IntegrityTimer.Answer answer, long counted) {
    long storeEvents = Math.max(counted, answer.checkedEvents());
    boolean ok = answer.status() == 200 && answer.verified();
    double perMillion = answer.seconds() * 1e6 / Math.max(1, storeEvents);
    return new ResultRow(
            name,
            "events/s",
            storeEvents / answer.seconds(),
            null,
            null,
            null,
            1L,
            ok ? 0L : 1L,
            ok ? Map.of() : Map.of(answer.status() + (answer.verified() ? "" : " unverified"), 1L),
            null,
            null,
            null,
            null,
            String.format(
                "one organization: %,d of its events checked, the store's %,d walked in %.1f s:"
                    + " %.1f s per million",
                answer.checkedEvents(), storeEvents, answer.seconds(), perMillion))
        .withTarget("<=60 s per 1,000,000 events", ok && perMillion <= MAX_SECONDS_PER_MILLION);
  }

  /**
   * One link, at most the verify-audit walk per event, against the CPU both services spent per TOTP
   * verification and per access code in this run.
   */
  static ResultRow perEventRow(
      String name, IntegrityTimer.Run run, LoadResult verify, LoadResult issue) {
    double linkMicros = run.walkSeconds() * 1e6 / run.checkedEvents();
    double verifyMicros = cpuMicrosPerRequest(verify);
    double issueMicros = cpuMicrosPerRequest(issue);
    double verifyShare = linkMicros / verifyMicros;
    double issueShare = linkMicros / issueMicros;
    boolean measured = !Double.isNaN(verifyShare) && !Double.isNaN(issueShare);
    return ResultRow.note(
            name,
            String.format(
                "a link <= %.1f us (verify-audit's walk per event); CPU per request of both"
                    + " services: TOTP verification %.0f us (link %.1f %%), access code %.0f us"
                    + " (link %.1f %%)",
                linkMicros, verifyMicros, 100 * verifyShare, issueMicros, 100 * issueShare))
        .withTarget(
            "<=10% of a verification, of a code",
            measured && verifyShare <= MAX_SHARE && issueShare <= MAX_SHARE);
  }

  /** Core-microseconds of both services per request; NaN without their CPU figures. */
  private static double cpuMicrosPerRequest(LoadResult result) {
    if (result == null || result.throughput() <= 0) {
      return Double.NaN;
    }
    return (result.commandCores() + result.queryCores()) / result.throughput() * 1e6;
  }
}
