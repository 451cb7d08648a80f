package com.onix.twofactor.console.apis;

import java.time.Instant;
import java.util.List;

/** The audit log's filters, as the query side takes them; null or empty: no such filter. */
public record AuditQuery(String userId, List<String> types, Instant from, Instant to) {

  public AuditQuery {
    types = types == null ? List.of() : List.copyOf(types);
  }

  public static AuditQuery ofUser(String userId) {
    return new AuditQuery(userId, List.of(), null, null);
  }
}
