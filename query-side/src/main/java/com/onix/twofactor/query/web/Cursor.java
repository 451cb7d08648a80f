package com.onix.twofactor.query.web;

import com.onix.twofactor.support.web.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Opaque page cursors: the position after which the next page starts, base64url-encoded. */
public final class Cursor {

  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private Cursor() {}

  public static String encode(String position) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(position.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @return the position, or null for no cursor
   */
  public static String decode(String cursor) {
    if (cursor == null) {
      return null;
    }
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid("cursor", "must be a 'next' value from an earlier page");
    }
  }

  /** A cursor holding a position (a count from 1); 0 for no cursor. */
  public static long position(String cursor) {
    String position = decode(cursor);
    if (position == null) {
      return 0;
    }
    try {
      long after = Long.parseLong(position);
      if (after >= 0) {
        return after;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw invalid("cursor", "must be a 'next' value from an earlier page");
  }

  /** Checks a {@code limit} parameter: absent means {@code fallback}. */
  public static int limit(Integer limit, int fallback, int max) {
    if (limit == null) {
      return fallback;
    }
    if (limit < 1 || limit > max) {
      throw invalid("limit", "must be between 1 and " + max);
    }
    return limit;
  }

  public static ApiProblem invalid(String field, String message) {
    return ApiProblem.invalidRequest("Invalid value for: " + field + ".")
        .with("errors", List.of(Map.of("field", field, "message", message)));
  }

  /** An ISO-8601 instant parameter; null when absent. */
  public static Instant instant(String field, String value) {
    if (value == null) {
      return null;
    }
    Instant instant;
    try {
      instant = Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw invalid(field, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
    }
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw invalid(field, "must be between the years 1 and 9999");
    }
    return instant;
  }
}
