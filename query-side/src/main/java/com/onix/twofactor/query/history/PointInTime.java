package com.onix.twofactor.query.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.onix.twofactor.kernel.catalogue.EventType;
import com.onix.twofactor.query.audit.AuditTrail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * What was true at an instant, computed from the events: an aggregate's events up to that instant,
 * read from the organization's audit history by their own sequence (key lookups on any store) and
 * folded by the caller with the same rules the projections apply ({@code UserTimeline}, {@code
 * PolicyTimeline}). The fields the history leaves out (secrets) play no part in that state.
 */
@Component
public class PointInTime {

  private static final int CHUNK = 200;

  private final AuditTrail trail;
  private final ObjectMapper json;

  public PointInTime(AuditTrail trail, ObjectMapper json) {
    this.trail = trail;
    this.json = json;
  }

  /** How far the history this reads from has come, for read-your-writes. */
  public long appliedVersion(String organizationId, String aggregateId) {
    return trail.appliedVersion(organizationId, aggregateId);
  }

  /**
   * One event of an aggregate's past: its payload (null for a type not known here), when, by whom.
   */
  public record PastEvent(Object payload, Instant occurredAt, String actorId) {}

  /** The aggregate's events in the organization's history, in order, up to {@code instant}. */
  public List<PastEvent> upTo(String organizationId, String aggregateId, Instant instant) {
    List<PastEvent> past = new ArrayList<>();
    for (Document event : history(organizationId, aggregateId, instant)) {
      past.add(
          new PastEvent(
              payloadOf(event),
              event.getDate("occurredAt").toInstant(),
              event.get("actor", Document.class).getString("id")));
    }
    return past;
  }

  /** The aggregate's events in the organization's history, in order, up to the instant. */
  private List<Document> history(String organizationId, String aggregateId, Instant instant) {
    List<Document> events = new ArrayList<>();
    String ours = organizationId + ":";
    for (long sequence = 0; ; sequence += CHUNK) {
      List<Document> chunk = trail.ofAggregate(aggregateId, sequence, CHUNK);
      for (Document event : chunk) {
        if (!event.getString("_id").startsWith(ours)
            || event.getDate("occurredAt").toInstant().isAfter(instant)) {
          return events;
        }
        events.add(event);
      }
      if (chunk.size() < CHUNK) {
        return events;
      }
    }
  }

  private Object payloadOf(Document event) {
    return EventType.ofHistoryName(event.getString("type"))
        .map(EventType::type)
        .<Object>map(type -> json.convertValue(event.get("data", Document.class), type))
        .orElse(null);
  }
}
