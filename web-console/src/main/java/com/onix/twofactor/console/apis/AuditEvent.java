package com.onix.twofactor.console.apis;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** One entry of the audit history, with the JSON the query side sent for it. */
public record AuditEvent(
    String eventId,
    String type,
    String aggregateId,
    long sequence,
    Instant occurredAt,
    String actorId,
    List<String> actorRoles,
    String correlationId,
    JsonNode data,
    JsonNode raw) {

  public String text(String field) {
    JsonNode value = data.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
