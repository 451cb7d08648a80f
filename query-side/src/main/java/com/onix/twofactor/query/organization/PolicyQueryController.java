package com.onix.twofactor.query.organization;

import com.onix.twofactor.query.consistency.ConsistencyGate;
import com.onix.twofactor.support.security.Caller;
import com.onix.twofactor.support.security.OnixRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
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

  public PolicyQueryController(OrganizationView organizations, ConsistencyGate consistency) {
    this.organizations = organizations;
    this.consistency = consistency;
  }

  @Operation(summary = "The organization's 2FA policy (ORG_ADMIN, AUDITOR)")
  @GetMapping(
      path = "/organizations/{orgId}/two-factor-policy",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public OrganizationView.Policy policy(
      @PathVariable UUID orgId, @RequestParam(required = false) String minVersion, Caller caller) {
    String organizationId = orgId.toString();
    caller.requireForOrganization(organizationId, OnixRole.ORG_ADMIN, OnixRole.AUDITOR);
    consistency.await(minVersion, organizations::appliedVersion);
    return organizations.policyOf(organizationId);
  }
}
