package com.onix.twofactor.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.onix.twofactor.query.consistency.ConsistencyGate;
import com.onix.twofactor.query.web.Cursor;
import com.onix.twofactor.support.security.AllowedRoles;
import com.onix.twofactor.support.security.OnixRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who did what to whose second factor, and when: an organization's audit history. */
@RestController
@SecurityRequirement(name = "bearer")
public class AuditQueryController {

  static final String NDJSON = "application/x-ndjson";
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private final AuditReader reader;
  private final AuditTrail trail;
  private final ConsistencyGate consistency;
  private final ObjectMapper json;

  public AuditQueryController(
      AuditReader reader, AuditTrail trail, ConsistencyGate consistency, ObjectMapper json) {
    this.reader = reader;
    this.trail = trail;
    this.consistency = consistency;
    this.json = json;
  }

  public record AuditPage(List<AuditRecord> events, String next) {}

  @Operation(
      summary = "A page of the organization's audit history, oldest first (AUDITOR, ORG_ADMIN)",
      description =
          "Event types (type). OrganizationPolicy: OrganizationRegistered, PolicyEnabled,"
              + " PolicyDisabled, EmailCodesAllowed, EmailCodesDisallowed. UserTwoFactor:"
              + " UserRegistered, SignInMethodChanged, TwoFactorSetupStarted,"
              + " TwoFactorSetupCompleted, TwoFactorReset, AccessCodeIssued, AccessCodeRevoked,"
              + " AccessCodeRedeemed, SecondFactorVerified (method TOTP, ACCESS_CODE or"
              + " EMAIL_CODE), SecondFactorRejected, TwoFactorLocked, TwoFactorUnlocked,"
              + " EmailCodeSent (emailCodeId, keyId, expiresAt: never the code, its hash or its"
              + " sealed form), EmailCodeUndeliverable (emailCodeId, smtpReplyCode: the mail"
              + " server refused the code's mail for good). Secrets, codes and hashes are left"
              + " out of data. Each entry is a link of the organization's hash chain: position"
              + " (1, 2, ...), previousHash (64 zeros at position 1), hash (SHA-256, lower-case"
              + " hex, of the RFC 8785 canonical JSON of stored plus position, previousHash,"
              + " eventId, aggregateId and sequence) and stored (the event as the store holds it:"
              + " organizationId, globalIndex, aggregateType, timestamp, payloadType,"
              + " payloadRevision, payloadSha256, metaData). docs/audit-chain.md specifies it.")
  @AllowedRoles(
      value = {OnixRole.AUDITOR, OnixRole.ORG_ADMIN},
      organization = "orgId")
  @GetMapping(
      path = "/organizations/{orgId}/audit-events",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public AuditPage page(
      @PathVariable UUID orgId,
      @RequestParam(required = false) UUID userId,
      @RequestParam(required = false) List<String> type,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) String minVersion) {
    String organizationId = consistentOrganization(orgId, minVersion);
    int pageSize = Cursor.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
    AuditReader.Page page =
        reader.page(
            organizationId, Cursor.position(cursor), pageSize, filter(userId, type, from, to));
    return new AuditPage(
        page.events(),
        page.continueAfter() == null ? null : Cursor.encode(page.continueAfter().toString()));
  }

  @Operation(
      summary = "The whole filtered history, one JSON event per line (AUDITOR, ORG_ADMIN)",
      description =
          "The same entries as the page, chain members included, so that an auditor can"
              + " recompute the chain offline (docs/verify_audit_export.py).")
  @AllowedRoles(
      value = {OnixRole.AUDITOR, OnixRole.ORG_ADMIN},
      organization = "orgId")
  @GetMapping(path = "/organizations/{orgId}/audit-events", produces = NDJSON)
  public void export(
      @PathVariable UUID orgId,
      @RequestParam(required = false) UUID userId,
      @RequestParam(required = false) List<String> type,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) String minVersion,
      HttpServletResponse response)
      throws IOException {
    String organizationId = consistentOrganization(orgId, minVersion);
    AuditFilter filter = filter(userId, type, from, to);
    long after = Cursor.position(cursor);
    response.setContentType(NDJSON);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    OutputStream out = response.getOutputStream();
    try {
      reader.stream(organizationId, after, filter, event -> writeLine(out, event));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    out.flush();
  }

  private String consistentOrganization(UUID orgId, String minVersion) {
    String organizationId = orgId.toString();
    consistency.await(organizationId, minVersion, id -> trail.appliedVersion(organizationId, id));
    trail.requireOrganization(organizationId);
    return organizationId;
  }

  private void writeLine(OutputStream out, AuditRecord event) {
    try {
      out.write(json.writeValueAsBytes(event));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static AuditFilter filter(UUID userId, List<String> types, String from, String to) {
    return new AuditFilter(
        userId == null ? null : userId.toString(),
        types == null ? Set.of() : Set.copyOf(types),
        Cursor.instant("from", from),
        Cursor.instant("to", to));
  }
}
