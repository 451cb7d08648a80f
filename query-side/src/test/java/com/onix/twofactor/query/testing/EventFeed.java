package com.onix.twofactor.query.testing;

import com.onix.twofactor.kernel.audit.AuditMetadata;
import com.onix.twofactor.kernel.catalogue.AggregateType;
import com.onix.twofactor.kernel.organization.OrganizationRegistered;
import com.onix.twofactor.kernel.organization.PolicyDisabled;
import com.onix.twofactor.kernel.organization.PolicyEnabled;
import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.kernel.user.SignInMethodChanged;
import com.onix.twofactor.kernel.user.UserRegistered;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Appends events to the event store exactly as the command side writes them: domain events of the
 * {@code OrganizationPolicy} and {@code UserTwoFactor} aggregates, numbered 0, 1, 2, ... per
 * aggregate, with the audit metadata. Timestamps are whole milliseconds (what the store keeps) and
 * strictly increasing across the whole test run, so "oldest first" has one answer.
 */
public final class EventFeed {

  public static final String ORGANIZATION_POLICY = AggregateType.ORGANIZATION_POLICY.storedName();
  public static final String USER_TWO_FACTOR = AggregateType.USER_TWO_FACTOR.storedName();

  private static final AtomicLong LAST_MILLIS = new AtomicLong();

  private final EventStore store;
  private final Map<String, Long> nextSequence;
  private final Actor actor;

  public EventFeed(EventStore store) {
    this(store, new HashMap<>(), Actor.orgAdmin());
  }

  private EventFeed(EventStore store, Map<String, Long> nextSequence, Actor actor) {
    this.store = store;
    this.nextSequence = nextSequence;
    this.actor = actor;
  }

  /** Who did it: the actor metadata of the events appended through the returned feed. */
  public record Actor(String id, String roles, String correlationId) {

    public static Actor orgAdmin() {
      return new Actor(UUID.randomUUID().toString(), "ORG_ADMIN", null);
    }

    public static Actor of(String id, String commaSeparatedRoles) {
      return new Actor(id, commaSeparatedRoles, null);
    }

    public Actor withCorrelationId(String correlationId) {
      return new Actor(id, roles, correlationId);
    }
  }

  /** An appended event. */
  public record Appended(DomainEventMessage<?> message) {

    public String aggregateId() {
      return message.getAggregateIdentifier();
    }

    public long sequence() {
      return message.getSequenceNumber();
    }

    /** The {@code Onix-Aggregate-Version} a command would have answered: id:sequence. */
    public String version() {
      return aggregateId() + ":" + sequence();
    }

    public String eventId() {
      return message.getIdentifier();
    }

    public Instant timestamp() {
      return message.getTimestamp();
    }

    public String actorId() {
      return (String) message.getMetaData().get(AuditMetadata.ACTOR_ID);
    }

    public String correlationId() {
      return (String) message.getMetaData().get(AuditMetadata.CORRELATION_ID);
    }
  }

  /** The same feed (same sequence numbering) with events attributed to {@code who}. */
  public EventFeed as(Actor who) {
    return new EventFeed(store, nextSequence, who);
  }

  public Appended organizationRegistered(String organizationId, String name) {
    return append(
        ORGANIZATION_POLICY, organizationId, new OrganizationRegistered(organizationId, name));
  }

  public Appended policyEnabled(String organizationId) {
    return append(ORGANIZATION_POLICY, organizationId, new PolicyEnabled(organizationId));
  }

  public Appended policyDisabled(String organizationId) {
    return append(ORGANIZATION_POLICY, organizationId, new PolicyDisabled(organizationId));
  }

  public Appended userRegistered(
      String organizationId,
      String userId,
      String email,
      String displayName,
      SignInMethod signInMethod) {
    return append(
        USER_TWO_FACTOR,
        userId,
        new UserRegistered(userId, organizationId, email, displayName, signInMethod));
  }

  public Appended signInMethodChanged(
      String organizationId, String userId, SignInMethod previous, SignInMethod signInMethod) {
    return append(
        USER_TWO_FACTOR,
        userId,
        new SignInMethodChanged(userId, organizationId, previous, signInMethod));
  }

  public Appended append(String aggregateType, String aggregateId, Object payload) {
    long sequence = nextSequence.merge(aggregateId, 1L, Long::sum) - 1;
    Instant timestamp = nextTimestamp();
    String correlationId =
        actor.correlationId() != null ? actor.correlationId() : UUID.randomUUID().toString();
    Map<String, Object> metaData = new HashMap<>();
    metaData.put(AuditMetadata.ACTOR_ID, actor.id());
    metaData.put(AuditMetadata.ACTOR_ROLES, actor.roles());
    metaData.put(AuditMetadata.CORRELATION_ID, correlationId);
    metaData.put(AuditMetadata.REQUEST_TIME, timestamp.toString());
    GenericDomainEventMessage<Object> message =
        new GenericDomainEventMessage<>(
            aggregateType,
            aggregateId,
            sequence,
            payload,
            metaData,
            UUID.randomUUID().toString(),
            timestamp);
    store.publish(message);
    return new Appended(message);
  }

  private static Instant nextTimestamp() {
    long millis = LAST_MILLIS.updateAndGet(last -> Math.max(System.currentTimeMillis(), last + 1));
    return Instant.ofEpochMilli(millis);
  }
}
