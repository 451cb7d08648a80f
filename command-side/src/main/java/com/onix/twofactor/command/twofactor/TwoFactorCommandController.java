package com.onix.twofactor.command.twofactor;

import com.onix.twofactor.command.web.AggregateVersionHeader;
import com.onix.twofactor.command.web.CommandDispatcher;
import com.onix.twofactor.kernel.twofactor.ConfirmTwoFactorSetup;
import com.onix.twofactor.kernel.twofactor.ResetTwoFactor;
import com.onix.twofactor.kernel.twofactor.SetupSecret;
import com.onix.twofactor.kernel.twofactor.StartTwoFactorSetup;
import com.onix.twofactor.support.security.AllowedRoles;
import com.onix.twofactor.support.security.Caller;
import com.onix.twofactor.support.security.OnixRole;
import com.onix.twofactor.support.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Setting up an authenticator app, and an admin's reset of it. */
@RestController
@SecurityRequirement(name = "bearer")
public class TwoFactorCommandController {

  private final CommandDispatcher dispatcher;

  public TwoFactorCommandController(CommandDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  /** Shown once: the response is the only place the plaintext secret ever appears. */
  public record SetupResponse(String secret, String otpauthUri, String qrCodePng) {
    @Override
    public String toString() {
      return "SetupResponse[<secret>]";
    }
  }

  public record ConfirmRequest(@NotBlank @Size(max = 32) String code) {
    @Override
    public String toString() {
      return "ConfirmRequest[<code>]";
    }
  }

  public record ConfirmResponse(String status) {}

  public record ResetRequest(@Size(max = 500) String reason) {}

  public record ResetResponse(String userId, String twoFactor) {}

  @Operation(summary = "Start authenticator setup (the USER themself, or SIGN_IN_SERVICE)")
  @AllowedRoles(value = OnixRole.SIGN_IN_SERVICE, orSelf = "userId")
  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping(
      path = "/users/{userId}/two-factor/setup",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<SetupResponse> startSetup(
      @PathVariable UUID userId, Caller caller, HttpServletRequest request) {
    String user = userId.toString();
    SetupSecret issued =
        dispatcher.dispatch(
            new StartTwoFactorSetup(user), caller, request, ApiProblem.unknownUser());
    String uri = OtpauthUri.of(issued.email(), issued.secretBase32());
    return ResponseEntity.status(HttpStatus.CREATED)
        .headers(AggregateVersionHeader.of(user, issued.version()))
        .cacheControl(CacheControl.noStore())
        .body(new SetupResponse(issued.secretBase32(), uri, QrCode.pngDataUri(uri)));
  }

  @Operation(summary = "Confirm setup with a first code (the USER themself, or SIGN_IN_SERVICE)")
  @AllowedRoles(value = OnixRole.SIGN_IN_SERVICE, orSelf = "userId")
  @PostMapping(
      path = "/users/{userId}/two-factor/setup/confirm",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<ConfirmResponse> confirmSetup(
      @PathVariable UUID userId,
      @Valid @RequestBody ConfirmRequest body,
      Caller caller,
      HttpServletRequest request) {
    String user = userId.toString();
    long version =
        dispatcher.dispatch(
            new ConfirmTwoFactorSetup(user, body.code()),
            caller,
            request,
            ApiProblem.unknownUser());
    return ResponseEntity.ok()
        .headers(AggregateVersionHeader.of(user, version))
        .body(new ConfirmResponse("ACTIVE"));
  }

  @Operation(summary = "Reset a user's two-factor authentication (ORG_ADMIN)")
  @AllowedRoles(value = OnixRole.ORG_ADMIN, organization = "orgId")
  @PostMapping(
      path = "/organizations/{orgId}/users/{userId}/two-factor/reset",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<ResetResponse> reset(
      @PathVariable UUID orgId,
      @PathVariable UUID userId,
      @Valid @RequestBody(required = false) ResetRequest body,
      Caller caller,
      HttpServletRequest request) {
    String organizationId = orgId.toString();
    String reason = body == null || body.reason() == null ? null : body.reason().strip();
    String user = userId.toString();
    long version =
        dispatcher.dispatch(
            new ResetTwoFactor(user, organizationId, caller.subject(), reason),
            caller,
            request,
            ApiProblem.unknownUser());
    return ResponseEntity.ok()
        .headers(AggregateVersionHeader.of(user, version))
        .body(new ResetResponse(user, "RESET"));
  }
}
