package com.onix.twofactor.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --before FILE}: this run's rates against an earlier run's (its JSON), each as a share of
 * its own run's baseline, so that a machine busier or quieter in one run than in the other counts
 * for less. For the rebuild, which has no baseline of its own, the query side's.
 */
final class BeforeComparison {

  /** The rows whose rates must stay within 10 %: the commands that append, and the sign-in. */
  static final List<String> COMPARED =
      List.of(
          "POST /sign-in/verifications TOTP",
          "GET /sign-in/requirements",
          "POST .../access-codes (admin)",
          "POST /sign-in/verifications ACCESS_CODE",
          "GET .../audit-events page of 100",
          "view rebuild");

  static final double MIN_RATIO = 0.90;
  private static final String QUERY_BASE = "baseline GET /caller, query side";

  private final Path file;
  private final Map<String, JsonNode> before;

  private BeforeComparison(Path file, Map<String, JsonNode> before) {
    this.file = file;
    this.before = before;
  }

  static BeforeComparison read(Path file) throws IOException {
    Map<String, JsonNode> rows = new LinkedHashMap<>();
    for (JsonNode row : Api.JSON.readTree(file.toFile()).path("rows")) {
      rows.put(row.path("name").asText(), row);
    }
    return new BeforeComparison(file, rows);
  }

  List<ResultRow> compare(List<ResultRow> now) {
    Map<String, ResultRow> current = new LinkedHashMap<>();
    now.forEach(row -> current.put(row.name(), row));
    List<ResultRow> compared = new ArrayList<>();
    for (String name : COMPARED) {
      ResultRow row = current.get(name);
      JsonNode earlier = before.get(name);
      String rowName = "vs before: " + name;
      if (row == null || earlier == null || row.rate() == null) {
        compared.add(
            ResultRow.note(rowName, "not compared: no such row in " + file.getFileName())
                .withTarget(">=90% of before, vs base", false));
        continue;
      }
      Double share = shareOfBase(row.rate(), row.rateVsBaseline(), current.get(QUERY_BASE));
      Double earlierShare =
          shareOfBase(
              earlier.path("rate").asDouble(),
              earlier.path("rateVsBaseline").isNumber()
                  ? earlier.path("rateVsBaseline").asDouble()
                  : null,
              before.get(QUERY_BASE));
      if (share == null || earlierShare == null || earlierShare <= 0) {
        compared.add(
            ResultRow.note(rowName, "not compared: a baseline is missing")
                .withTarget(">=90% of before, vs base", false));
        continue;
      }
      double ratio = share / earlierShare;
      double raw = row.rate() / earlier.path("rate").asDouble();
      compared.add(
          ResultRow.note(
                  rowName,
                  String.format(
                      "%s of base now, %s before (%,.0f/s, %,.0f/s): %.2fx; raw rates %.2fx; %s",
                      percent(share),
                      percent(earlierShare),
                      row.rate(),
                      earlier.path("rate").asDouble(),
                      ratio,
                      raw,
                      file.getFileName()))
              .withTarget(">=90% of before, vs base", row.clean() && ratio >= MIN_RATIO));
    }
    return compared;
  }

  /** The row's rate over its baseline's; a rebuild (no baseline) over the query side's. */
  private static Double shareOfBase(double rate, Double rateVsBaseline, Object queryBase) {
    if (rateVsBaseline != null) {
      return rateVsBaseline;
    }
    double base =
        queryBase instanceof ResultRow row && row.rate() != null
            ? row.rate()
            : queryBase instanceof JsonNode node ? node.path("rate").asDouble() : 0;
    return base > 0 ? rate / base : null;
  }

  private static String percent(double share) {
    return String.format("%.1f %%", 100 * share);
  }
}
