package com.onix.twofactor.query.user;

import com.onix.twofactor.kernel.user.EmailAddress;
import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.query.consistency.ConsistencyGate;
import com.onix.twofactor.query.history.PointInTime;
import com.onix.twofactor.query.organization.OrganizationView;
import com.onix.twofactor.query.web.Cursor;
import com.onix.twofactor.support.security.Caller;
import com.onix.twofactor.support.security.OnixRole;
import com.onix.twofactor.support.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Users &amp; Roles pages: an organization's users and their 2FA state. */
@RestController
@SecurityRequirement(name = "bearer")
public class UserQueryController {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;

  private final UserView users;
  private final OrganizationView organizations;
  private final ConsistencyGate consistency;
  private final DirectoryVersions versions;
  private final PointInTime history;
  private final Clock clock;

  public UserQueryController(
      UserView users,
      OrganizationView organizations,
      ConsistencyGate consistency,
      DirectoryVersions versions,
      PointInTime history,
      Clock clock) {
    this.users = users;
    this.organizations = organizations;
    this.consistency = consistency;
    this.versions = versions;
    this.history = history;
    this.clock = clock;
  }

  public record UserSummary(
      String userId,
      String email,
      String displayName,
      SignInMethod signInMethod,
      TwoFactorStatus twoFactor,
      Instant enrolledAt,
      Instant lastVerifiedAt,
      UserDocument.AccessCode accessCode,
      Instant lockedUntil) {

    static UserSummary of(UserDocument user, boolean policyRequired, Instant now) {
      UserDocument.Requirement requirement = user.requirementAt(now, policyRequired);
      return new UserSummary(
          user.userId(),
          user.email(),
          user.displayName(),
          user.signInMethod(),
          requirement.twoFactor(),
          user.enrolledAt(),
          user.lastVerifiedAt(),
          user.activeAccessCodeAt(now),
          user.lockedAt(now) ? user.lockedUntil() : null);
    }
  }

  public record UserPage(List<UserSummary> users, String next) {}

  @Operation(summary = "An organization's users, by email (ORG_ADMIN, AUDITOR)")
  @GetMapping(path = "/organizations/{orgId}/users", produces = MediaType.APPLICATION_JSON_VALUE)
  public UserPage list(
      @PathVariable UUID orgId,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) String minVersion,
      Caller caller) {
    String organizationId = orgId.toString();
    caller.requireForOrganization(organizationId, OnixRole.ORG_ADMIN, OnixRole.AUDITOR);
    int pageSize = Cursor.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
    String after = Cursor.decode(cursor);
    consistency.await(minVersion, versions);
    boolean policyRequired = organizations.policyOf(organizationId).required();
    Instant now = clock.instant();
    List<UserDocument> found = users.page(organizationId, after, pageSize + 1);
    List<UserSummary> page =
        found.stream()
            .limit(pageSize)
            .map(user -> UserSummary.of(user, policyRequired, now))
            .toList();
    String next =
        found.size() > pageSize
            ? Cursor.encode(new EmailAddress(page.get(pageSize - 1).email()).uniquenessKey())
            : null;
    return new UserPage(page, next);
  }

  @Operation(
      summary = "One user of an organization (ORG_ADMIN, AUDITOR); with asOf, as they were then")
  @GetMapping(
      path = "/organizations/{orgId}/users/{userId}",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public UserSummary one(
      @PathVariable UUID orgId,
      @PathVariable UUID userId,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String minVersion,
      Caller caller) {
    String organizationId = orgId.toString();
    caller.requireForOrganization(organizationId, OnixRole.ORG_ADMIN, OnixRole.AUDITOR);
    Instant instant = Cursor.instant("asOf", asOf);
    if (instant != null) {
      UserDocument then =
          history
              .user(userId.toString(), instant)
              .filter(user -> user.organizationId().equals(organizationId))
              .orElseThrow(ApiProblem::unknownUser);
      boolean requiredThen =
          history
              .policy(organizationId, instant)
              .map(OrganizationView.Policy::required)
              .orElse(false);
      return UserSummary.of(then, requiredThen, instant);
    }
    consistency.await(minVersion, versions);
    boolean policyRequired = organizations.policyOf(organizationId).required();
    return UserSummary.of(
        users.inOrganization(organizationId, userId.toString()), policyRequired, clock.instant());
  }
}
