package com.onix.twofactor.query.user;

import com.onix.twofactor.query.audit.AuditTrail;
import java.util.function.ToLongFunction;
import org.springframework.stereotype.Component;

/**
 * The version the views have applied for an aggregate: a minVersion may name a user (after a user
 * command) or an organization (after a policy change). Read from the audit history's versions,
 * which every batch of the projections writes last (ViewStore.WRITE_ORDER): once they show an
 * event, the user and organization views hold it and everything before it, whichever aggregate the
 * caller waits on.
 */
@Component
public class DirectoryVersions implements ToLongFunction<String> {

  private final AuditTrail trail;

  public DirectoryVersions(AuditTrail trail) {
    this.trail = trail;
  }

  @Override
  public long applyAsLong(String aggregateId) {
    return trail.appliedVersion(aggregateId);
  }

  /** The same, for the organization itself or one of its users only. */
  public ToLongFunction<String> within(String organizationId) {
    return aggregateId -> trail.appliedVersion(organizationId, aggregateId);
  }
}
