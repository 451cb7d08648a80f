package com.onix.twofactor.command.organization;

import com.onix.twofactor.command.web.AggregateVersionHeader;
import com.onix.twofactor.command.web.CommandDispatcher;
import com.onix.twofactor.kernel.emailcode.EmailCodePolicy;
import com.onix.twofactor.kernel.emailcode.SetEmailCodePolicy;
import com.onix.twofactor.kernel.organization.PolicyState;
import com.onix.twofactor.kernel.organization.RegisterOrganization;
import com.onix.twofactor.kernel.organization.SetTwoFactorPolicy;
import com.onix.twofactor.support.security.AllowedRoles;
import com.onix.twofactor.support.security.Caller;
import com.onix.twofactor.support.security.OnixRole;
import com.onix.twofactor.support.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = "bearer")
public class OrganizationCommandController {

  private final CommandDispatcher dispatcher;

  public OrganizationCommandController(CommandDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  public record RegisterOrganizationRequest(@NotBlank @Size(max = 200) String name) {}

  public record OrganizationCreated(String organizationId) {}

  public record PolicyRequest(@NotNull Boolean required) {}

  public record EmailCodePolicyRequest(@NotNull Boolean allowed) {}

  @Operation(summary = "Register an organization (PLATFORM_OPERATOR)")
  @AllowedRoles(OnixRole.PLATFORM_OPERATOR)
  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping(
      path = "/organizations",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<OrganizationCreated> register(
      @Valid @RequestBody RegisterOrganizationRequest body,
      Caller caller,
      HttpServletRequest request) {
    String organizationId = UUID.randomUUID().toString();
    dispatcher.dispatch(
        new RegisterOrganization(organizationId, body.name().strip()),
        caller,
        request,
        ApiProblem.unknownOrganization());
    return ResponseEntity.status(HttpStatus.CREATED)
        .headers(AggregateVersionHeader.of(organizationId, 0))
        .body(new OrganizationCreated(organizationId));
  }

  @Operation(summary = "Switch the \"Require two-factor authentication\" policy (ORG_ADMIN)")
  @AllowedRoles(value = OnixRole.ORG_ADMIN, organization = "orgId")
  @PutMapping(
      path = "/organizations/{orgId}/two-factor-policy",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<PolicyState> setPolicy(
      @PathVariable UUID orgId,
      @Valid @RequestBody PolicyRequest body,
      Caller caller,
      HttpServletRequest request) {
    String organizationId = orgId.toString();
    PolicyState state =
        dispatcher.dispatch(
            new SetTwoFactorPolicy(organizationId, body.required()),
            caller,
            request,
            ApiProblem.unknownOrganization());
    return ResponseEntity.ok()
        .headers(AggregateVersionHeader.of(organizationId, state.version()))
        .body(state);
  }

  @Operation(
      summary = "Switch \"Allow codes by email\" (ORG_ADMIN)",
      description =
          "When allowed, users with an active authenticator may also sign in with an 8-digit"
              + " code mailed to them (POST /sign-in/email-codes). Off by default; setting the"
              + " current value again emits no event.")
  @AllowedRoles(value = OnixRole.ORG_ADMIN, organization = "orgId")
  @PutMapping(
      path = "/organizations/{orgId}/two-factor-policy/email-codes",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<EmailCodePolicy> setEmailCodePolicy(
      @PathVariable UUID orgId,
      @Valid @RequestBody EmailCodePolicyRequest body,
      Caller caller,
      HttpServletRequest request) {
    String organizationId = orgId.toString();
    EmailCodePolicy state =
        dispatcher.dispatch(
            new SetEmailCodePolicy(organizationId, body.allowed()),
            caller,
            request,
            ApiProblem.unknownOrganization());
    return ResponseEntity.ok()
        .headers(AggregateVersionHeader.of(organizationId, state.version()))
        .body(state);
  }
}
