package com.onix.twofactor.query.audit;

import com.onix.twofactor.kernel.audit.AuditMetadata;
import com.onix.twofactor.kernel.audit.OrganizationScoped;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/** Every event of every organization into its audit history, secrets left out. */
@Component
@ProcessingGroup("projections")
public class AuditProjection {

  private final AuditTrail trail;
  private final AuditRedaction redaction;

  public AuditProjection(AuditTrail trail, AuditRedaction redaction) {
    this.trail = trail;
    this.redaction = redaction;
  }

  @EventHandler
  void on(OrganizationScoped event, DomainEventMessage<?> message) {
    MetaData metaData = message.getMetaData();
    trail.append(
        event.organizationId(),
        new AuditRecord(
            message.getIdentifier(),
            event.getClass().getSimpleName(),
            message.getAggregateIdentifier(),
            message.getSequenceNumber(),
            message.getTimestamp(),
            AuditRecord.Actor.of(
                (String) metaData.get(AuditMetadata.ACTOR_ID),
                (String) metaData.get(AuditMetadata.ACTOR_ROLES)),
            (String) metaData.get(AuditMetadata.CORRELATION_ID),
            redaction.dataOf(event)));
  }
}
