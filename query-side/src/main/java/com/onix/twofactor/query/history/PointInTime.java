package com.onix.twofactor.query.history;

import com.onix.twofactor.kernel.audit.AuditMetadata;
import com.onix.twofactor.query.organization.OrganizationView;
import com.onix.twofactor.query.organization.PolicyTimeline;
import com.onix.twofactor.query.user.UserDocument;
import com.onix.twofactor.query.user.UserTimeline;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

/**
 * What was true at an instant, computed from the events themselves: an aggregate's events up to
 * that instant, folded with the same rules the projections apply.
 */
@Component
public class PointInTime {

  private final EventStorageEngine events;

  public PointInTime(EventStorageEngine events) {
    this.events = events;
  }

  /** The user as they were at {@code instant}; empty if not registered yet. */
  public Optional<UserDocument> user(String userId, Instant instant) {
    UserDocument user = null;
    DomainEventStream history = events.readEvents(userId);
    while (history.hasNext()) {
      DomainEventMessage<?> event = history.next();
      if (event.getTimestamp().isAfter(instant)) {
        break;
      }
      user = UserTimeline.next(user, event.getPayload(), event.getTimestamp());
    }
    return Optional.ofNullable(user);
  }

  /** The organization's policy in force at {@code instant}; empty if not registered yet. */
  public Optional<OrganizationView.Policy> policy(String organizationId, Instant instant) {
    OrganizationView.Policy policy = null;
    DomainEventStream history = events.readEvents(organizationId);
    while (history.hasNext()) {
      DomainEventMessage<?> event = history.next();
      if (event.getTimestamp().isAfter(instant)) {
        break;
      }
      policy =
          PolicyTimeline.next(
              policy,
              event.getPayload(),
              event.getTimestamp(),
              (String) event.getMetaData().get(AuditMetadata.ACTOR_ID));
    }
    return Optional.ofNullable(policy);
  }
}
