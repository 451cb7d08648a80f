package com.onix.twofactor.query.user;

import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.query.consistency.ConsistencyGate;
import com.onix.twofactor.query.history.PointInTime;
import com.onix.twofactor.query.organization.OrganizationView;
import com.onix.twofactor.query.organization.PolicyTimeline;
import com.onix.twofactor.query.web.Cursor;
import com.onix.twofactor.support.security.AllowedRoles;
import com.onix.twofactor.support.security.OnixRole;
import com.onix.twofactor.support.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
  private static final int SCAN_CHUNK = 500;

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

  @Operation(summary = "An organization's users, in registration order (ORG_ADMIN, AUDITOR)")
  @AllowedRoles(
      value = {OnixRole.ORG_ADMIN, OnixRole.AUDITOR},
      organization = "orgId")
  @GetMapping(path = "/organizations/{orgId}/users", produces = MediaType.APPLICATION_JSON_VALUE)
  public UserPage list(
      @PathVariable UUID orgId,
      @RequestParam(required = false) TwoFactorStatus twoFactor,
      @RequestParam(required = false) SignInMethod signInMethod,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) String minVersion) {
    String organizationId = orgId.toString();
    int pageSize = Cursor.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
    long after = Cursor.position(cursor);
    consistency.await(organizationId, minVersion, versions.within(organizationId));
    boolean policyRequired = organizations.policyOf(organizationId).required();
    Instant now = clock.instant();
    List<UserSummary> page = new ArrayList<>(pageSize);
    long lastPosition = 0;
    boolean more = false;
    // twoFactor depends on the time and the policy, so it is evaluated here, a chunk at a time.
    walk:
    for (List<UserView.Listed> chunk = users.page(organizationId, after, SCAN_CHUNK);
        !chunk.isEmpty();
        chunk = users.page(organizationId, chunk.get(chunk.size() - 1).position(), SCAN_CHUNK)) {
      for (UserView.Listed listed : chunk) {
        UserSummary summary = UserSummary.of(listed.user(), policyRequired, now);
        if ((twoFactor == null || summary.twoFactor() == twoFactor)
            && (signInMethod == null || summary.signInMethod() == signInMethod)) {
          if (page.size() == pageSize) {
            more = true;
            break walk;
          }
          page.add(summary);
          lastPosition = listed.position();
        }
      }
    }
    String next = more ? Cursor.encode(Long.toString(lastPosition)) : null;
    return new UserPage(page, next);
  }

  public record TwoFactorCounts(
      boolean policyRequired, long total, Map<TwoFactorStatus, Long> counts) {}

  @Operation(
      summary =
          "How many users of the organization are in each twoFactor state (ORG_ADMIN, AUDITOR)")
  @AllowedRoles(
      value = {OnixRole.ORG_ADMIN, OnixRole.AUDITOR},
      organization = "orgId")
  @GetMapping(
      path = "/organizations/{orgId}/two-factor-counts",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public TwoFactorCounts counts(
      @PathVariable UUID orgId, @RequestParam(required = false) String minVersion) {
    String organizationId = orgId.toString();
    consistency.await(organizationId, minVersion, versions.within(organizationId));
    boolean policyRequired = organizations.policyOf(organizationId).required();
    Instant now = clock.instant();
    Map<TwoFactorStatus, Long> counts = new EnumMap<>(TwoFactorStatus.class);
    for (TwoFactorStatus status : TwoFactorStatus.values()) {
      counts.put(status, 0L);
    }
    long total = 0;
    for (List<UserView.Listed> chunk = users.page(organizationId, 0, SCAN_CHUNK);
        !chunk.isEmpty();
        chunk = users.page(organizationId, chunk.get(chunk.size() - 1).position(), SCAN_CHUNK)) {
      for (UserView.Listed listed : chunk) {
        counts.merge(listed.user().requirementAt(now, policyRequired).twoFactor(), 1L, Long::sum);
        total++;
      }
    }
    return new TwoFactorCounts(policyRequired, total, counts);
  }

  @Operation(
      summary = "One user of an organization (ORG_ADMIN, AUDITOR); with asOf, as they were then")
  @AllowedRoles(
      value = {OnixRole.ORG_ADMIN, OnixRole.AUDITOR},
      organization = "orgId")
  @GetMapping(
      path = "/organizations/{orgId}/users/{userId}",
      produces = MediaType.APPLICATION_JSON_VALUE)
  public UserSummary one(
      @PathVariable UUID orgId,
      @PathVariable UUID userId,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String minVersion) {
    String organizationId = orgId.toString();
    Instant instant = Cursor.instant("asOf", asOf);
    if (instant != null) {
      consistency.await(
          organizationId, minVersion, id -> history.appliedVersion(organizationId, id));
      boolean requiredThen =
          PolicyTimeline.fold(history.upTo(organizationId, organizationId, instant))
              .orElseThrow(ApiProblem::unknownOrganization)
              .required();
      UserDocument then =
          UserTimeline.fold(history.upTo(organizationId, userId.toString(), instant))
              .orElseThrow(ApiProblem::unknownUser);
      return UserSummary.of(then, requiredThen, instant);
    }
    consistency.await(organizationId, minVersion, versions.within(organizationId));
    boolean policyRequired = organizations.policyOf(organizationId).required();
    return UserSummary.of(
        users.inOrganization(organizationId, userId.toString()), policyRequired, clock.instant());
  }
}
