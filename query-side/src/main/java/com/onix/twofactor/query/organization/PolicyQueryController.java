package com.onix.twofactor.query.organization;

import com.onix.twofactor.query.consistency.ConsistencyGate;
import com.onix.twofactor.query.history.PointInTime;
import com.onix.twofactor.query.web.Cursor;
import com.onix.twofactor.support.security.AllowedRoles;
import com.onix.twofactor.support.security.OnixRole;
import com.onix.twofactor.support.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = "bearer")
public class PolicyQueryController {

  private final OrganizationView organizations;
  private final ConsistencyGate consistency;
  private final PointInTime history;

  public PolicyQueryController(
      OrganizationView organizations, ConsistencyGate consistency, PointInTime history) {
    this.organizations = organizations;
    this.consistency = consistency;
    this.history = history;
  }

  @Operation(
      summary =
          "The organization's 2FA policy (ORG_ADMIN, AUDITOR); with asOf, the one in force then")
  @AllowedRoles(
      value = {OnixRole.ORG_ADMIN, OnixRole.AUDITOR},
      organization = "orgId")
  @GetMapping(
      path = "/organizations/{orgId}/two-factor-policy",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public OrganizationView.Policy policy(
      @PathVariable UUID orgId,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String minVersion) {
    String organizationId = orgId.toString();
    Instant instant = Cursor.instant("asOf", asOf);
    if (instant != null) {
      consistency.await(
          organizationId, minVersion, id -> history.appliedVersion(organizationId, id));
      return PolicyTimeline.fold(history.upTo(organizationId, organizationId, instant))
          .orElseThrow(ApiProblem::unknownOrganization);
    }
    consistency.await(
        organizationId,
        minVersion,
        id -> id.equals(organizationId) ? history.appliedVersion(organizationId, id) : -1);
    return organizations.policyOf(organizationId);
  }
}
