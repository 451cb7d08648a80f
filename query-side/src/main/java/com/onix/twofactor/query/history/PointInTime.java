package com.onix.twofactor.query.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.onix.twofactor.kernel.catalogue.EventType;
import com.onix.twofactor.query.audit.AuditTrail;
import com.onix.twofactor.query.organization.OrganizationView;
import com.onix.twofactor.query.organization.PolicyTimeline;
import com.onix.twofactor.query.user.UserDocument;
import com.onix.twofactor.query.user.UserTimeline;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * What was true at an instant, computed from the events: an aggregate's events up to that instant,
 * read from the organization's audit history by their own sequence (key lookups on any store) and
 * folded with the same rules the projections apply. The fields the history leaves out (secrets)
 * play no part in that state.
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

  /** The user as they were at {@code instant}; empty if not registered yet (in this org). */
  public Optional<UserDocument> user(String organizationId, String userId, Instant instant) {
    UserDocument user = null;
    for (Document event : history(organizationId, userId, instant)) {
      Instant at = event.getDate("occurredAt").toInstant();
      user = UserTimeline.next(user, payloadOf(event), at);
    }
    return Optional.ofNullable(user);
  }

  /** The organization's policy in force at {@code instant}; empty if not registered yet. */
  public Optional<OrganizationView.Policy> policy(String organizationId, Instant instant) {
    OrganizationView.Policy policy = null;
    for (Document event : history(organizationId, organizationId, instant)) {
      policy =
          PolicyTimeline.next(
              policy,
              payloadOf(event),
              event.getDate("occurredAt").toInstant(),
              event.get("actor", Document.class).getString("id"));
    }
    return Optional.ofNullable(policy);
  }

  /** The aggregate's events in the organization's history, in order, up to the instant. */
  private List<Document> history(String organizationId, String aggregateId, Instant instant) {
    List<Document> events = new java.util.ArrayList<>();
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
