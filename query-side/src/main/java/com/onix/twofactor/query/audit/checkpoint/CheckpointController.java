package com.onix.twofactor.query.audit.checkpoint;

import com.onix.twofactor.query.audit.AuditTrail;
import com.onix.twofactor.support.security.AllowedRoles;
import com.onix.twofactor.support.security.OnixRole;
import com.onix.twofactor.support.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Signed checkpoints of an organization's audit chain, and the keys that check them. */
@RestController
public class CheckpointController {

  static final String PEM = "application/x-pem-file";

  private final Checkpoints checkpoints;
  private final CheckpointKeys keys;
  private final AuditTrail trail;

  public CheckpointController(Checkpoints checkpoints, CheckpointKeys keys, AuditTrail trail) {
    this.checkpoints = checkpoints;
    this.keys = keys;
    this.trail = trail;
  }

  /** A checkpoint as served: the compact JWS, and what it states. */
  public record CheckpointView(
      String checkpoint, String organizationId, long position, String hash, Instant time) {

    static CheckpointView of(Checkpoint checkpoint) {
      return new CheckpointView(
          checkpoint.jws(),
          checkpoint.organizationId(),
          checkpoint.position(),
          checkpoint.hash(),
          checkpoint.time());
    }
  }

  @Operation(
      summary = "Signs the organization's audit chain head now (AUDITOR)",
      description =
          "A compact JWS (RS256, typ onix-audit-checkpoint, kid of a key in"
              + " /audit-checkpoint-keys) of {organizationId, position, hash, time}. If the newest"
              + " checkpoint already covers the head, that one is answered. Keep it: a history"
              + " cut short, rewritten or re-chained after it no longer matches it.")
  @SecurityRequirement(name = "bearer")
  @AllowedRoles(value = OnixRole.AUDITOR, organization = "orgId")
  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping(
      path = "/organizations/{orgId}/audit-checkpoints",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<CheckpointView> sign(@PathVariable UUID orgId) {
    String organizationId = known(orgId);
    Checkpoint signed =
        checkpoints
            .signHead(organizationId)
            .orElseThrow(
                () ->
                    new ApiProblem(
                        HttpStatus.CONFLICT,
                        "NO_AUDIT_HISTORY",
                        "The organization's audit history holds no event yet."));
    return ResponseEntity.status(HttpStatus.CREATED).body(CheckpointView.of(signed));
  }

  @Operation(summary = "The organization's newest signed checkpoint (AUDITOR)")
  @SecurityRequirement(name = "bearer")
  @AllowedRoles(value = OnixRole.AUDITOR, organization = "orgId")
  @GetMapping(
      path = "/organizations/{orgId}/audit-checkpoints/latest",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public CheckpointView latest(@PathVariable UUID orgId) {
    String organizationId = known(orgId);
    return checkpoints
        .latestJws(organizationId)
        .flatMap(checkpoints::verified)
        .map(CheckpointView::of)
        .orElseThrow(
            () ->
                new ApiProblem(
                    HttpStatus.NOT_FOUND,
                    "NO_CHECKPOINT",
                    "No valid checkpoint of this organization's audit chain exists yet."));
  }

  @Operation(
      summary = "The public keys of audit checkpoints, current and retired (no token needed)",
      description = "A JWK set; each key's kid is its RFC 7638 thumbprint.")
  @GetMapping(path = "/audit-checkpoint-keys", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> keySet() {
    return keys.publicSet().toJSONObject(true);
  }

  @Operation(summary = "One checkpoint public key as PEM, for openssl (no token needed)")
  @GetMapping(path = "/audit-checkpoint-keys/{kid}", produces = PEM)
  public String pem(@PathVariable String kid) {
    return keys.pem(kid)
        .orElseThrow(
            () -> new ApiProblem(HttpStatus.NOT_FOUND, "UNKNOWN_KEY", "No such checkpoint key."));
  }

  private String known(UUID orgId) {
    String organizationId = orgId.toString();
    trail.requireOrganization(organizationId);
    return organizationId;
  }
}
