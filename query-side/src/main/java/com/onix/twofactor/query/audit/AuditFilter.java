package com.onix.twofactor.query.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.bson.Document;

/**
 * Which events of an organization's history a reader wants: one user's, of some types, in a time
 * window ({@code from} inclusive, {@code to} exclusive). Null means no restriction.
 */
public record AuditFilter(String userId, Set<String> types, Instant from, Instant to) {

  public static final AuditFilter EVERYTHING = new AuditFilter(null, Set.of(), null, null);

  /** How far behind its timestamp an event may be projected (the store's commit order). */
  static final Duration ORDER_SLACK = Duration.ofSeconds(10);

  public AuditFilter {
    types = types == null ? Set.of() : Set.copyOf(types);
  }

  /** Whether this event, and so every later one but a straggler, is past the window's end. */
  boolean pastTheWindow(Document event) {
    return to != null && !event.getDate("occurredAt").toInstant().isBefore(to.plus(ORDER_SLACK));
  }

  boolean matches(Document event) {
    if (userId != null && !userId.equals(event.getString("aggregateId"))) {
      return false;
    }
    if (!types.isEmpty() && !types.contains(event.getString("type"))) {
      return false;
    }
    Instant occurredAt = event.getDate("occurredAt").toInstant();
    return (from == null || !occurredAt.isBefore(from)) && (to == null || occurredAt.isBefore(to));
  }
}
