package com.onix.twofactor.command.accesscode;

import com.onix.twofactor.command.web.AggregateVersionHeader;
import com.onix.twofactor.command.web.CommandDispatcher;
import com.onix.twofactor.kernel.accesscode.IssueAccessCode;
import com.onix.twofactor.kernel.accesscode.IssuedAccessCode;
import com.onix.twofactor.kernel.accesscode.RevokeAccessCode;
import com.onix.twofactor.support.security.AllowedRoles;
import com.onix.twofactor.support.security.Caller;
import com.onix.twofactor.support.security.OnixRole;
import com.onix.twofactor.support.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Settings &gt; Users &amp; Roles &gt; a user &gt; "Get access code", and its revocation. */
@RestController
@SecurityRequirement(name = "bearer")
public class AccessCodeCommandController {

  private final CommandDispatcher dispatcher;

  public AccessCodeCommandController(CommandDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  /**
   * @param lifetimeMinutes 10 to 43200 (30 days); 60 when absent
   */
  public record IssueRequest(Long lifetimeMinutes) {}

  /** The code appears here once and nowhere else, ever. */
  public record IssueResponse(String accessCodeId, String code, Instant expiresAt) {
    @Override
    public String toString() {
      return "IssueResponse[accessCodeId=" + accessCodeId + ", <code>]";
    }
  }

  @Operation(summary = "Get a temporary access code for a user (ORG_ADMIN)")
  @AllowedRoles(value = OnixRole.ORG_ADMIN, organization = "orgId")
  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping(
      path = "/organizations/{orgId}/users/{userId}/access-codes",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<IssueResponse> issue(
      @PathVariable UUID orgId,
      @PathVariable UUID userId,
      @RequestBody(required = false) IssueRequest body,
      Caller caller,
      HttpServletRequest request) {
    String organizationId = orgId.toString();
    Duration lifetime =
        body == null || body.lifetimeMinutes() == null
            ? AccessCodes.DEFAULT_LIFETIME
            : Duration.ofMinutes(clamped(body.lifetimeMinutes()));
    String user = userId.toString();
    IssuedAccessCode issued =
        dispatcher.dispatch(
            new IssueAccessCode(user, organizationId, caller.subject(), lifetime),
            caller,
            request,
            ApiProblem.unknownUser());
    return ResponseEntity.status(HttpStatus.CREATED)
        .headers(AggregateVersionHeader.of(user, issued.version()))
        .cacheControl(CacheControl.noStore())
        .body(new IssueResponse(issued.accessCodeId(), issued.code(), issued.expiresAt()));
  }

  /** Out-of-range values stay out of range (for the domain to refuse) without overflowing. */
  private static long clamped(long minutes) {
    long justTooLong = AccessCodes.LONGEST_LIFETIME.toMinutes() + 1;
    return Math.max(-1, Math.min(minutes, justTooLong));
  }

  @Operation(summary = "Revoke a user's access code (ORG_ADMIN)")
  @AllowedRoles(value = OnixRole.ORG_ADMIN, organization = "orgId")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @DeleteMapping(path = "/organizations/{orgId}/users/{userId}/access-codes/{accessCodeId}")
  public ResponseEntity<Void> revoke(
      @PathVariable UUID orgId,
      @PathVariable UUID userId,
      @PathVariable UUID accessCodeId,
      Caller caller,
      HttpServletRequest request) {
    String organizationId = orgId.toString();
    String user = userId.toString();
    long version =
        dispatcher.dispatch(
            new RevokeAccessCode(user, organizationId, accessCodeId.toString()),
            caller,
            request,
            ApiProblem.unknownUser());
    return ResponseEntity.noContent().headers(AggregateVersionHeader.of(user, version)).build();
  }
}
