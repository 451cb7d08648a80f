package com.onix.twofactor.support.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP contract as docs/http-api.md writes it: under a service's heading ({@code ## Command
 * side (8081)}), every table row whose first cell is an endpoint ({@code `POST /organizations`}).
 * The OpenAPI document a service serves lists the same endpoints, no more and no fewer, each with
 * the success status the row's {@code success} column starts with ({@code 201 {"organizationId"}}).
 */
public final class ContractDocument {

  private static final Pattern ENDPOINT =
      Pattern.compile("^\\|\\s*`(GET|POST|PUT|PATCH|DELETE) (/[^`\\s]*)`\\s*\\|");

  private static final Pattern CELL_SEPARATOR = Pattern.compile("(?<!\\\\)\\|");

  private static final Pattern LEADING_STATUS = Pattern.compile("^([1-5]\\d\\d)\\b");

  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

  private final List<String> lines;

  private ContractDocument(List<String> lines) {
    this.lines = lines;
  }

  /** docs/http-api.md of the repository this test runs in (from a module's directory). */
  public static ContractDocument ofRepository() {
    return read(RepositoryRoot.find().resolve("docs/http-api.md"));
  }

  public static ContractDocument read(Path file) {
    try {
      return new ContractDocument(Files.readAllLines(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The endpoints ({@code "POST /organizations"}) of the level-2 section whose heading starts with
   * {@code heading}.
   */
  public Set<String> endpointsOf(String heading) {
    Set<String> endpoints = new TreeSet<>();
    boolean inSection = false;
    boolean found = false;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        inSection = line.substring(3).startsWith(heading);
        found |= inSection;
        continue;
      }
      Matcher endpoint = ENDPOINT.matcher(line);
      if (inSection && endpoint.find()) {
        endpoints.add(endpoint.group(1) + " " + endpoint.group(2));
      }
    }
    if (!found) {
      throw new IllegalArgumentException("docs/http-api.md has no section '## " + heading + "'");
    }
    return endpoints;
  }

  /** The endpoints an OpenAPI document lists, in the same form. */
  public static Set<String> endpointsOf(JsonNode openApi) {
    Set<String> endpoints = new TreeSet<>();
    openApi
        .path("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method -> {
                          if (METHODS.contains(method)) {
                            endpoints.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                          }
                        }));
    return endpoints;
  }

  /**
   * The success status of each endpoint of the section whose heading starts with {@code heading}:
   * the number its table's {@code success} column starts with.
   */
  public Map<String, Integer> successStatusesOf(String heading) {
    Map<String, Integer> statuses = new TreeMap<>();
    boolean inSection = false;
    int successColumn = -1;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        inSection = line.substring(3).startsWith(heading);
        successColumn = -1;
        continue;
      }
      if (!inSection || !line.startsWith("|")) {
        continue;
      }
      List<String> cells = cells(line);
      Matcher endpoint = ENDPOINT.matcher(line);
      if (!endpoint.find()) {
        if (cells.contains("success")) {
          successColumn = cells.indexOf("success");
        }
        continue;
      }
      String name = endpoint.group(1) + " " + endpoint.group(2);
      if (successColumn < 0 || successColumn >= cells.size()) {
        throw new IllegalArgumentException(name + ": its table has no 'success' column");
      }
      Matcher status = LEADING_STATUS.matcher(cells.get(successColumn));
      if (!status.find()) {
        throw new IllegalArgumentException(
            name + ": its success cell does not start with a status: " + cells.get(successColumn));
      }
      statuses.put(name, Integer.parseInt(status.group(1)));
    }
    if (statuses.isEmpty()) {
      throw new IllegalArgumentException("docs/http-api.md has no endpoints under '## " + heading);
    }
    return statuses;
  }

  private static List<String> cells(String row) {
    String inner = row.strip();
    inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
    return Arrays.stream(CELL_SEPARATOR.split(inner, -1)).map(String::strip).toList();
  }

  /**
   * The success status each operation of an OpenAPI document declares: its only 2xx response
   * ({@code 0} for an operation that declares none, the lowest of several).
   */
  public static Map<String, Integer> successStatusesOf(JsonNode openApi) {
    Map<String, Integer> statuses = new TreeMap<>();
    openApi
        .path("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        operation -> {
                          if (METHODS.contains(operation.getKey())) {
                            statuses.put(
                                operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(),
                                successStatusOf(operation.getValue()));
                          }
                        }));
    return statuses;
  }

  private static int successStatusOf(JsonNode operation) {
    int lowest = 0;
    for (var codes = operation.path("responses").fieldNames(); codes.hasNext(); ) {
      String code = codes.next();
      if (code.matches("2\\d\\d") && (lowest == 0 || Integer.parseInt(code) < lowest)) {
        lowest = Integer.parseInt(code);
      }
    }
    return lowest;
  }
}
