package com.onix.twofactor.support.security;

import com.onix.twofactor.support.web.ApiProblem;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who sent the request, from a validated token. The {@code require...} methods are the one place
 * where endpoints check roles and tenancy; each throws a 403 problem when the caller falls short.
 */
public record Caller(String subject, Set<OnixRole> roles, String organizationId) {

  public Caller {
    roles = Set.copyOf(roles);
  }

  public boolean has(OnixRole role) {
    return roles.contains(role);
  }

  /** The caller holds one of {@code allowed}; an org-scoped one must be for {@code orgId}. */
  public void requireForOrganization(String orgId, OnixRole... allowed) {
    boolean anyRole = false;
    for (OnixRole role : allowed) {
      if (!has(role)) {
        continue;
      }
      anyRole = true;
      if (!role.organizationScoped() || orgId.equals(organizationId)) {
        return;
      }
    }
    throw anyRole
        ? ApiProblem.forbidden("Your role does not apply to this organization.")
        : ApiProblem.forbidden("This needs one of the roles " + names(allowed) + ".");
  }

  /** The caller holds one of the {@code allowed} platform-wide roles. */
  public void require(OnixRole... allowed) {
    for (OnixRole role : allowed) {
      if (has(role)) {
        return;
      }
    }
    throw ApiProblem.forbidden("This needs one of the roles " + names(allowed) + ".");
  }

  /** The caller is the user {@code userId} themself, or holds one of the {@code allowed} roles. */
  public void requireSelfOr(String userId, OnixRole... allowed) {
    if (has(OnixRole.USER) && userId.equals(subject)) {
      return;
    }
    for (OnixRole role : allowed) {
      if (has(role)) {
        return;
      }
    }
    throw ApiProblem.forbidden("Only the user themself or " + names(allowed) + " may do this.");
  }

  public String rolesAsText() {
    return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }

  private static String names(OnixRole... roles) {
    return Arrays.stream(roles).map(Enum::name).collect(Collectors.joining(", "));
  }
}
