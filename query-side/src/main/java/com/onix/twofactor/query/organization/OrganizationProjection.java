package com.onix.twofactor.query.organization;

import com.mongodb.client.MongoCollection;
import com.onix.twofactor.kernel.audit.AuditMetadata;
import com.onix.twofactor.query.view.Versioned;
import com.onix.twofactor.query.view.ViewStore;
import java.util.Date;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** One document per organization: the 2FA policy in force, with who set it when. */
@Component
@ProcessingGroup("projections")
public class OrganizationProjection {

  static final String AGGREGATE_TYPE = "OrganizationPolicy";

  private final MongoCollection<Document> organizations;
  private final OrganizationView view;

  public OrganizationProjection(ViewStore views, OrganizationView view) {
    this.organizations = views.collection(ViewStore.ORGANIZATIONS);
    this.view = view;
  }

  @EventHandler
  void on(Object event, DomainEventMessage<?> message) {
    if (!AGGREGATE_TYPE.equals(message.getType())) {
      return;
    }
    String organizationId = message.getAggregateIdentifier();
    if (Versioned.appliedVersion(organizations, organizationId) >= message.getSequenceNumber()) {
      return;
    }
    OrganizationView.Policy after =
        PolicyTimeline.next(
            view.find(organizationId).orElse(null),
            event,
            message.getTimestamp(),
            (String) message.getMetaData().get(AuditMetadata.ACTOR_ID));
    if (after == null) {
      return;
    }
    Versioned.update(
        organizations,
        organizationId,
        message.getSequenceNumber(),
        new Document("required", after.required())
            .append("changedAt", Date.from(after.changedAt()))
            .append("changedBy", after.changedBy()));
  }
}
