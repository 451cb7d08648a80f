package com.onix.twofactor.query.user;

import com.onix.twofactor.query.organization.OrganizationView;
import java.util.function.ToLongFunction;
import org.springframework.stereotype.Component;

/**
 * The version the user and organization views have applied for an aggregate: a minVersion may name
 * a user (after a user command) or an organization (after a policy change).
 */
@Component
public class DirectoryVersions implements ToLongFunction<String> {

  private final UserView users;
  private final OrganizationView organizations;

  public DirectoryVersions(UserView users, OrganizationView organizations) {
    this.users = users;
    this.organizations = organizations;
  }

  @Override
  public long applyAsLong(String aggregateId) {
    return Math.max(users.appliedVersion(aggregateId), organizations.appliedVersion(aggregateId));
  }

  /** The same, for the organization itself or one of its users only. */
  public ToLongFunction<String> within(String organizationId) {
    return aggregateId ->
        aggregateId.equals(organizationId)
            ? organizations.appliedVersion(aggregateId)
            : users.appliedVersionIn(organizationId, aggregateId);
  }
}
