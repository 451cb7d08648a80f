package com.onix.twofactor.query.audit.integrity;

import com.onix.twofactor.query.audit.AuditTrail;
import com.onix.twofactor.query.audit.checkpoint.Checkpoint;
import com.onix.twofactor.query.audit.checkpoint.Checkpoints;
import com.onix.twofactor.query.consistency.ConsistencyGate;
import com.onix.twofactor.support.security.AllowedRoles;
import com.onix.twofactor.support.security.OnixRole;
import com.onix.twofactor.support.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Whether an organization's stored history is still the one its audit chain fixed. */
@RestController
@SecurityRequirement(name = "bearer")
public class AuditIntegrityController {

  private final ChainVerifier verifier;
  private final AuditTrail trail;
  private final ConsistencyGate consistency;
  private final Checkpoints checkpoints;

  public AuditIntegrityController(
      ChainVerifier verifier,
      AuditTrail trail,
      ConsistencyGate consistency,
      Checkpoints checkpoints) {
    this.verifier = verifier;
    this.trail = trail;
    this.consistency = consistency;
    this.checkpoints = checkpoints;
  }

  @Operation(
      summary = "Checks the organization's whole stored history against its audit chain (AUDITOR)",
      description =
          "Recomputes the chain from the event store itself (not from the views) and compares"
              + " every link with the entry the audit history fixed, up to the history's head when"
              + " the check began. verified: no position differs; checkedEvents: positions found"
              + " to hold; head: {position, hash} of the chain; firstMismatch: {position, eventId,"
              + " why} of the first position that does not hold, or null. It reads the whole"
              + " store: seconds per million events. The chain must also pass through the"
              + " organization's newest signed checkpoint and through every checkpoint given as"
              + " ?checkpoint=<compact JWS> (repeatable; 400 INVALID_CHECKPOINT for one this"
              + " service did not sign for this organization): a history cut short, rewritten or"
              + " re-chained after one of them does not.")
  @AllowedRoles(value = OnixRole.AUDITOR, organization = "orgId")
  @GetMapping(
      path = "/organizations/{orgId}/audit-integrity",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public IntegrityReport integrity(
      @PathVariable UUID orgId, @RequestParam(required = false) List<String> checkpoint) {
    String organizationId = orgId.toString();
    consistency.await(organizationId, null, id -> -1); // 503 while the views are rebuilt
    trail.requireOrganization(organizationId);
    List<Checkpoint> kept = new ArrayList<>();
    for (String jws : checkpoint == null ? List.<String>of() : checkpoint) {
      Checkpoint signed =
          checkpoints
              .verified(jws)
              .filter(verified -> verified.organizationId().equals(organizationId))
              .orElseThrow(
                  () ->
                      new ApiProblem(
                          HttpStatus.BAD_REQUEST,
                          "INVALID_CHECKPOINT",
                          "A checkpoint given is not one this service signed for this"
                              + " organization."));
      kept.add(signed);
    }
    return verifier.verify(organizationId, kept);
  }
}
