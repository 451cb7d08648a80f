package com.onix.twofactor.query.organization;

import com.onix.twofactor.kernel.audit.AuditMetadata;
import com.onix.twofactor.kernel.catalogue.AggregateType;
import com.onix.twofactor.query.view.Versioned;
import com.onix.twofactor.query.view.ViewBatch;
import com.onix.twofactor.query.view.ViewBatches;
import com.onix.twofactor.query.view.ViewPreloader;
import com.onix.twofactor.query.view.ViewStore;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** One document per organization: the 2FA policy in force, with who set it when. */
@Component
@ProcessingGroup("projections")
public class OrganizationProjection implements ViewPreloader {

  private final ViewBatches batches;

  public OrganizationProjection(ViewBatches batches) {
    this.batches = batches;
  }

  @Override
  public void preload(List<? extends EventMessage<?>> events, ViewBatch batch) {
    Set<String> organizations = new LinkedHashSet<>();
    for (EventMessage<?> event : events) {
      if (event instanceof DomainEventMessage<?> domain
          && AggregateType.ORGANIZATION_POLICY.is(domain.getType())) {
        organizations.add(domain.getAggregateIdentifier());
      }
    }
    batch.preload(ViewStore.ORGANIZATIONS, organizations);
  }

  @EventHandler
  void on(Object event, DomainEventMessage<?> message) {
    if (!AggregateType.ORGANIZATION_POLICY.is(message.getType())) {
      return;
    }
    ViewBatch batch = batches.current();
    String organizationId = message.getAggregateIdentifier();
    Optional<Document> stored = batch.find(ViewStore.ORGANIZATIONS, organizationId);
    if (stored.map(Versioned::versionOf).orElse(-1L) >= message.getSequenceNumber()) {
      return;
    }
    OrganizationView.Policy after =
        PolicyTimeline.next(
            stored.map(OrganizationView::policyFrom).orElse(null),
            event,
            message.getTimestamp(),
            (String) message.getMetaData().get(AuditMetadata.ACTOR_ID));
    if (after == null) {
      return;
    }
    Document updated = new Document(stored.orElseGet(() -> new Document("_id", organizationId)));
    updated
        .append("required", after.required())
        .append("emailCodesAllowed", after.emailCodesAllowed())
        .append("changedAt", Date.from(after.changedAt()))
        .append("changedBy", after.changedBy())
        .append(Versioned.VERSION, message.getSequenceNumber());
    batch.put(ViewStore.ORGANIZATIONS, updated);
  }
}
