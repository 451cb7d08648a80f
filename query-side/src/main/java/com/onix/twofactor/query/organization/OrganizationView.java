package com.onix.twofactor.query.organization;

import com.mongodb.client.MongoCollection;
import com.onix.twofactor.query.view.ViewStore;
import com.onix.twofactor.support.web.ApiProblem;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** Reads the organizations view. */
@Component
public class OrganizationView {

  private final MongoCollection<Document> organizations;

  public OrganizationView(ViewStore views) {
    this.organizations = views.collection(ViewStore.ORGANIZATIONS);
  }

  /**
   * @param emailCodesAllowed "Allow codes by email"
   * @param changedAt when either setting last changed (or the organization was registered)
   */
  public record Policy(
      boolean required, boolean emailCodesAllowed, Instant changedAt, String changedBy) {}

  /**
   * @throws ApiProblem 404 {@code UNKNOWN_ORGANIZATION}
   */
  public Policy policyOf(String organizationId) {
    return find(organizationId).orElseThrow(ApiProblem::unknownOrganization);
  }

  public Optional<Policy> find(String organizationId) {
    return Optional.ofNullable(organizations.find(new Document("_id", organizationId)).first())
        .map(OrganizationView::policyFrom);
  }

  static Policy policyFrom(Document organization) {
    Date changedAt = organization.getDate("changedAt");
    return new Policy(
        organization.getBoolean("required", false),
        organization.getBoolean("emailCodesAllowed", false),
        changedAt == null ? null : changedAt.toInstant(),
        organization.getString("changedBy"));
  }
}
