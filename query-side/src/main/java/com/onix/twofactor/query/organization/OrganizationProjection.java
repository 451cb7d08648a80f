package com.onix.twofactor.query.organization;

import com.mongodb.client.MongoCollection;
import com.onix.twofactor.kernel.audit.AuditMetadata;
import com.onix.twofactor.kernel.organization.OrganizationRegistered;
import com.onix.twofactor.kernel.organization.PolicyDisabled;
import com.onix.twofactor.kernel.organization.PolicyEnabled;
import com.onix.twofactor.query.view.Versioned;
import com.onix.twofactor.query.view.ViewStore;
import java.time.Instant;
import java.util.Date;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** One document per organization: its name and the 2FA policy in force, with who set it when. */
@Component
@ProcessingGroup("projections")
public class OrganizationProjection {

  private final MongoCollection<Document> organizations;

  public OrganizationProjection(ViewStore views) {
    this.organizations = views.collection(ViewStore.ORGANIZATIONS);
  }

  @EventHandler
  void on(
      OrganizationRegistered event,
      @SequenceNumber long sequence,
      @Timestamp Instant at,
      @MetaDataValue(AuditMetadata.ACTOR_ID) String actor) {
    Versioned.create(
        organizations,
        event.organizationId(),
        sequence,
        new Document("name", event.name())
            .append("required", false)
            .append("changedAt", Date.from(at))
            .append("changedBy", actor));
  }

  @EventHandler
  void on(
      PolicyEnabled event,
      @SequenceNumber long sequence,
      @Timestamp Instant at,
      @MetaDataValue(AuditMetadata.ACTOR_ID) String actor) {
    setPolicy(event.organizationId(), true, sequence, at, actor);
  }

  @EventHandler
  void on(
      PolicyDisabled event,
      @SequenceNumber long sequence,
      @Timestamp Instant at,
      @MetaDataValue(AuditMetadata.ACTOR_ID) String actor) {
    setPolicy(event.organizationId(), false, sequence, at, actor);
  }

  private void setPolicy(
      String organizationId, boolean required, long sequence, Instant at, String actor) {
    Versioned.update(
        organizations,
        organizationId,
        sequence,
        new Document("required", required)
            .append("changedAt", Date.from(at))
            .append("changedBy", actor));
  }
}
