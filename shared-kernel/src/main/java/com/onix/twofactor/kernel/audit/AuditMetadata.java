package com.onix.twofactor.kernel.audit;

/**
 * The metadata keys every event carries, so that an auditor can tell who did what and in which
 * request. Values are strings (roles: comma separated) to keep the stored form plain.
 */
public final class AuditMetadata {

  public static final String ACTOR_ID = "actorId";
  public static final String ACTOR_ROLES = "actorRoles";
  public static final String CORRELATION_ID = "correlationId";
  public static final String REQUEST_TIME = "requestTime";

  private AuditMetadata() {}
}
