package com.onix.twofactor.query.audit;

import java.time.Instant;
import java.util.Set;
import org.bson.Document;

/**
 * Which events of an organization's history a reader wants: one user's, of some types, in a time
 * window ({@code from} inclusive, {@code to} exclusive). Null means no restriction.
 */
public record AuditFilter(String userId, Set<String> types, Instant from, Instant to) {

  public static final AuditFilter EVERYTHING = new AuditFilter(null, Set.of(), null, null);

  public AuditFilter {
    types = types == null ? Set.of() : Set.copyOf(types);
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
