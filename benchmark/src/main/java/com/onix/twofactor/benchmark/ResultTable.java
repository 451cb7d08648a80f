package com.onix.twofactor.benchmark;

import java.util.List;
import java.util.Locale;

/** The result as the one table {@code ./onix bench} prints. */
final class ResultTable {

  private static final String FORMAT = "%-44s %12s %9s %9s %9s %7s %9s %9s  %-36s %-4s %s%n";

  private ResultTable() {}

  static String render(List<ResultRow> rows) {
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            Locale.ROOT,
            FORMAT,
            "measurement",
            "rate/s",
            "p50 ms",
            "p99 ms",
            "p99.9 ms",
            "errors",
            "rate/base",
            "p99/base",
            "target",
            "met",
            "note"));
    for (ResultRow row : rows) {
      table.append(
          String.format(
              Locale.ROOT,
              FORMAT,
              row.name(),
              row.rate() == null ? "" : String.format(Locale.ROOT, "%,.0f", row.rate()),
              millis(row.p50Millis()),
              millis(row.p99Millis()),
              millis(row.p999Millis()),
              row.errors() == null ? "" : Long.toString(row.errors()),
              ratio(row.rateVsBaseline()),
              ratio(row.p99VsBaseline()),
              row.target() == null ? "" : row.target(),
              row.met() == null ? "" : row.met() ? "yes" : "NO",
              row.note() == null ? "" : row.note()));
    }
    return table.toString();
  }

  private static String millis(Double value) {
    if (value == null || value.isNaN()) {
      return "";
    }
    return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
  }

  private static String ratio(Double value) {
    return value == null ? "" : String.format(Locale.ROOT, "%.2fx", value);
  }
}
