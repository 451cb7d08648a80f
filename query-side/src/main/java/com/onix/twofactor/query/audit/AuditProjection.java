package com.onix.twofactor.query.audit;

import com.onix.twofactor.eventstore.CommitLogStorageEngine;
import com.onix.twofactor.eventstore.StoredEvent;
import com.onix.twofactor.kernel.audit.AuditMetadata;
import com.onix.twofactor.kernel.audit.OrganizationScoped;
import com.onix.twofactor.kernel.catalogue.EventType;
import com.onix.twofactor.query.view.ViewBatch;
import com.onix.twofactor.query.view.ViewBatches;
import com.onix.twofactor.query.view.ViewPreloader;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/** Every event of every organization into its audit history, secrets left out. */
@Component
@ProcessingGroup("projections")
public class AuditProjection implements ViewPreloader {

  private final AuditTrail trail;
  private final AuditRedaction redaction;
  private final ViewBatches batches;
  private final CommitLogStorageEngine store;

  public AuditProjection(
      AuditTrail trail,
      AuditRedaction redaction,
      ViewBatches batches,
      CommitLogStorageEngine store) {
    this.trail = trail;
    this.redaction = redaction;
    this.batches = batches;
    this.store = store;
  }

  @Override
  public void preload(List<? extends EventMessage<?>> events, ViewBatch batch) {
    Set<String> eventIds = new LinkedHashSet<>();
    Set<String> organizations = new LinkedHashSet<>();
    Set<String> aggregates = new LinkedHashSet<>();
    for (EventMessage<?> event : events) {
      if (event instanceof DomainEventMessage<?> domain
          && domain.getPayload() instanceof OrganizationScoped scoped) {
        eventIds.add(domain.getIdentifier());
        organizations.add(scoped.organizationId());
        aggregates.add(domain.getAggregateIdentifier());
      }
    }
    trail.preload(batch, eventIds, organizations, aggregates);
  }

  @EventHandler
  void on(OrganizationScoped event, DomainEventMessage<?> message) {
    MetaData metaData = message.getMetaData();
    trail.append(
        batches.current(),
        event.organizationId(),
        new AuditRecord(
            message.getIdentifier(),
            EventType.of(event.getClass()).orElseThrow().historyName(),
            message.getAggregateIdentifier(),
            message.getSequenceNumber(),
            message.getTimestamp(),
            AuditRecord.Actor.of(
                (String) metaData.get(AuditMetadata.ACTOR_ID),
                (String) metaData.get(AuditMetadata.ACTOR_ROLES)),
            (String) metaData.get(AuditMetadata.CORRELATION_ID),
            redaction.dataOf(event)),
        storedForm(message));
  }

  /** The event as stored, which its chain link hashes: at hand from the read that delivered it. */
  private StoredEvent storedForm(DomainEventMessage<?> message) {
    return store
        .recentlyRead(message.getIdentifier())
        .or(() -> store.storedEvent(message.getAggregateIdentifier(), message.getSequenceNumber()))
        .filter(stored -> stored.eventId().equals(message.getIdentifier()))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "An event being projected is not in the store: " + message.getIdentifier()));
  }
}
