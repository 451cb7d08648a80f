package com.onix.twofactor.console.page;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Times as the viewer reads them: in the time zone their browser reported (the {@code onix_tz}
 * cookie, set by the console's script), or UTC until it has.
 */
public final class ViewerTime {

  public static final String COOKIE = "onix_tz";

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.ENGLISH);
  private static final DateTimeFormatter LOCAL_INPUT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);

  private final ZoneId zone;
  private final Instant now;

  public ViewerTime(ZoneId zone, Instant now) {
    this.zone = zone;
    this.now = now;
  }

  public static ViewerTime of(HttpServletRequest request, Instant now) {
    ZoneId zone = ZoneOffset.UTC;
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (COOKIE.equals(cookie.getName())) {
          zone = parseZone(cookie.getValue());
        }
      }
    }
    return new ViewerTime(zone, now);
  }

  private static ZoneId parseZone(String value) {
    if (value == null || value.length() > 64 || !value.matches("[A-Za-z0-9_+\\-/]+")) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(value);
    } catch (DateTimeException unknown) {
      return ZoneOffset.UTC;
    }
  }

  public ZoneId zone() {
    return zone;
  }

  public String zoneName() {
    return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
  }

  /** "7 Dec 2026, 10:42". */
  public String dateTime(Instant instant) {
    return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
  }

  public String withSeconds(Instant instant) {
    return instant == null ? "" : SECONDS.format(instant.atZone(zone));
  }

  /** "10:42" today, "8 Dec 2026, 10:42" another day. */
  public String time(Instant instant) {
    if (instant == null) {
      return "";
    }
    ZonedDateTime at = instant.atZone(zone);
    return at.toLocalDate().equals(LocalDate.ofInstant(now, zone))
        ? TIME.format(at)
        : DATE_TIME.format(at);
  }

  /** The value of a {@code datetime-local} field showing {@code instant}. */
  public String inputValue(Instant instant) {
    return instant == null ? "" : LOCAL_INPUT.format(instant.atZone(zone));
  }

  /** A {@code datetime-local} field's value, read in the viewer's zone; null when empty or bad. */
  public Instant parseInput(String value) {
    if (value == null || value.isBlank() || value.length() > 32) {
      return null;
    }
    try {
      return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
    } catch (DateTimeParseException unreadable) {
      return null;
    }
  }
}
