package com.onix.twofactor.query.user;

import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.query.consistency.ConsistencyGate;
import com.onix.twofactor.query.organization.OrganizationView;
import com.onix.twofactor.support.security.AllowedRoles;
import com.onix.twofactor.support.security.Caller;
import com.onix.twofactor.support.security.OnixRole;
import com.onix.twofactor.support.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the Onix sign-in page asks after the email and password: what must this sign-in do? */
@RestController
@SecurityRequirement(name = "bearer")
public class SignInRequirementsController {

  private final UserView users;
  private final OrganizationView organizations;
  private final ConsistencyGate consistency;
  private final DirectoryVersions versions;
  private final Clock clock;

  public SignInRequirementsController(
      UserView users,
      OrganizationView organizations,
      ConsistencyGate consistency,
      DirectoryVersions versions,
      Clock clock) {
    this.users = users;
    this.organizations = organizations;
    this.consistency = consistency;
    this.versions = versions;
    this.clock = clock;
  }

  public record SignInRequirements(
      String userId,
      String organizationId,
      SignInMethod signInMethod,
      TwoFactorStatus twoFactor,
      List<String> methods,
      Instant lockedUntil) {}

  @Operation(summary = "What a sign-in of this email must require (SIGN_IN_SERVICE)")
  @AllowedRoles(OnixRole.SIGN_IN_SERVICE)
  @GetMapping(path = "/sign-in/requirements", produces = MediaType.APPLICATION_JSON_VALUE)
  public SignInRequirements requirements(
      @RequestParam String email,
      @RequestParam(required = false) String minVersion,
      Caller caller) {
    consistency.await("sign-in:" + caller.subject(), minVersion, versions);
    UserDocument user = users.byEmail(email.strip()).orElseThrow(ApiProblem::unknownUser);
    OrganizationView.Policy policy = organizations.policyOf(user.organizationId());
    UserDocument.Requirement requirement =
        user.requirementAt(clock.instant(), policy.required(), policy.emailCodesAllowed());
    return new SignInRequirements(
        user.userId(),
        user.organizationId(),
        user.signInMethod(),
        requirement.twoFactor(),
        requirement.methods(),
        requirement.lockedUntil());
  }
}
