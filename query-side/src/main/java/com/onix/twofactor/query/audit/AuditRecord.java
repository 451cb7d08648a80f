package com.onix.twofactor.query.audit;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * One entry of the audit history, as docs/http-api.md describes it, and its link in the
 * organization's chain: its position, the previous entry's hash, its own, and the stored form of
 * the event they hash (docs/audit-chain.md). The chain members are null until the entry is appended
 * to its history.
 */
public record AuditRecord(
    String eventId,
    String type,
    String aggregateId,
    long sequence,
    Instant occurredAt,
    Actor actor,
    String correlationId,
    Map<String, Object> data,
    Long position,
    String previousHash,
    String hash,
    Map<String, Object> stored) {

  public AuditRecord(
      String eventId,
      String type,
      String aggregateId,
      long sequence,
      Instant occurredAt,
      Actor actor,
      String correlationId,
      Map<String, Object> data) {
    this(
        eventId,
        type,
        aggregateId,
        sequence,
        occurredAt,
        actor,
        correlationId,
        data,
        null,
        null,
        null,
        null);
  }

  public record Actor(String id, List<String> roles) {

    static Actor of(String id, String commaSeparatedRoles) {
      List<String> roles =
          commaSeparatedRoles == null || commaSeparatedRoles.isBlank()
              ? List.of()
              : Arrays.asList(commaSeparatedRoles.split(","));
      return new Actor(id, List.copyOf(roles));
    }
  }

  Document toDocument() {
    return new Document("eventId", eventId)
        .append("type", type)
        .append("aggregateId", aggregateId)
        .append("sequence", sequence)
        .append("occurredAt", Date.from(occurredAt))
        .append("actor", new Document("id", actor.id()).append("roles", actor.roles()))
        .append("correlationId", correlationId)
        .append("data", new Document(data));
  }

  @SuppressWarnings("unchecked")
  static AuditRecord from(Document document) {
    Document actor = document.get("actor", Document.class);
    return new AuditRecord(
        document.getString("eventId"),
        document.getString("type"),
        document.getString("aggregateId"),
        document.get("sequence", Number.class).longValue(),
        document.getDate("occurredAt").toInstant(),
        new Actor(actor.getString("id"), actor.getList("roles", String.class)),
        document.getString("correlationId"),
        (Map<String, Object>) document.get("data", Document.class),
        document.get("position", Number.class) == null
            ? null
            : document.get("position", Number.class).longValue(),
        document.getString("previousHash"),
        document.getString("hash"),
        (Map<String, Object>) document.get("stored", Document.class));
  }
}
