package com.onix.twofactor.benchmark;

import java.util.Map;

/**
 * One line of the result table. Figures that do not apply to a row are null: a rebuild has a rate
 * but no latencies, a heap row only its note.
 */
record ResultRow(
    String name,
    String unit,
    Double rate,
    Double p50Millis,
    Double p99Millis,
    Double p999Millis,
    Long requests,
    Long errors,
    Map<String, Long> errorsByStatus,
    Double rateVsBaseline,
    Double p99VsBaseline,
    String target,
    Boolean met,
    String note) {

  static ResultRow of(String name, LoadResult result, LoadResult baseline) {
    return new ResultRow(
        name,
        "req/s",
        result.throughput(),
        finite(result.percentileMillis(50)),
        finite(result.percentileMillis(99)),
        finite(result.percentileMillis(99.9)),
        result.requests(),
        result.errorCount(),
        result.errors(),
        baseline == null ? null : ratio(result.throughput(), baseline.throughput()),
        baseline == null ? null : ratio(result.percentileMillis(99), baseline.percentileMillis(99)),
        null,
        null,
        cpuNote(result));
  }

  static ResultRow note(String name, String note) {
    return new ResultRow(
        name, null, null, null, null, null, null, null, Map.of(), null, null, null, null, note);
  }

  ResultRow withTarget(String text, boolean isMet) {
    return new ResultRow(
        name,
        unit,
        rate,
        p50Millis,
        p99Millis,
        p999Millis,
        requests,
        errors,
        errorsByStatus,
        rateVsBaseline,
        p99VsBaseline,
        text,
        isMet,
        note);
  }

  ResultRow withNote(String text) {
    return new ResultRow(
        name,
        unit,
        rate,
        p50Millis,
        p99Millis,
        p999Millis,
        requests,
        errors,
        errorsByStatus,
        rateVsBaseline,
        p99VsBaseline,
        target,
        met,
        text);
  }

  boolean clean() {
    return errors == null || errors == 0;
  }

  /** No samples: null in the JSON (and blank in the table), not "NaN". */
  private static Double finite(double value) {
    return Double.isNaN(value) ? null : value;
  }

  private static Double ratio(double value, double base) {
    return base > 0 && !Double.isNaN(value) ? value / base : null;
  }

  private static String cpuNote(LoadResult result) {
    StringBuilder note = new StringBuilder(result.connections() + " conn; cpu cores: gen ");
    note.append(cores(result.generatorCores()));
    note.append(", cmd ").append(cores(result.commandCores()));
    note.append(", qry ").append(cores(result.queryCores()));
    if (result.starvedSeconds() > 0.01) {
      note.append(String.format("; starved %.1f s", result.starvedSeconds()));
    }
    return note.toString();
  }

  private static String cores(double value) {
    return Double.isNaN(value) ? "?" : String.format("%.2f", value);
  }
}
