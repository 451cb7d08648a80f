package com.onix.twofactor.support.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP contract as docs/http-api.md writes it: under a service's heading ({@code ## Command
 * side (8081)}), every table row whose first cell is an endpoint ({@code `POST /organizations`}).
 * The OpenAPI document a service serves lists the same endpoints, no more and no fewer.
 */
public final class ContractDocument {

  private static final Pattern ENDPOINT =
      Pattern.compile("^\\|\\s*`(GET|POST|PUT|PATCH|DELETE) (/[^`\\s]*)`\\s*\\|");

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
}
