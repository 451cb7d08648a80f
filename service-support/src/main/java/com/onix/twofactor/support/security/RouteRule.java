package com.onix.twofactor.support.security;

import com.onix.twofactor.support.web.ApiProblem;
import com.onix.twofactor.support.web.StrictIdConversion;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.util.pattern.PathPattern;

/** What one route's handler method declares about who may call it. */
sealed interface RouteRule {

  /** Why this caller is refused, or empty when it may go on. */
  Optional<String> refusal(Caller caller, Map<String, String> pathVariables);

  /**
   * The rule {@code handler} declares for {@code pattern}; a declaration that cannot hold fails.
   */
  static RouteRule of(HandlerMethod handler, PathPattern pattern) {
    AllowedRoles allowed = handler.getMethodAnnotation(AllowedRoles.class);
    boolean anyToken = handler.hasMethodAnnotation(AnyValidToken.class);
    if (allowed != null && anyToken) {
      throw new IllegalStateException(handler + " declares both @AllowedRoles and @AnyValidToken");
    }
    if (anyToken) {
      return new AnyToken();
    }
    if (allowed == null) {
      return new Undeclared();
    }
    Roles roles = new Roles(allowed.value(), allowed.organization(), allowed.orSelf());
    roles.checkAgainst(handler, pattern);
    return roles;
  }

  record AnyToken() implements RouteRule {
    /**
     * An id as the controller will bind it (an upper-case UUID names the same organization), so
     * that the rule and the handler agree on whose data is asked for.
     */
    private static String asBound(String pathVariable) {
      if (pathVariable == null) {
        return "";
      }
      return StrictIdConversion.isCanonical(pathVariable)
          ? StrictIdConversion.parse(pathVariable).toString()
          : pathVariable;
    }

    @Override
    public Optional<String> refusal(Caller caller, Map<String, String> pathVariables) {
      return Optional.empty();
    }
  }

  /** Fails closed: a route nobody declared roles for serves nobody. */
  record Undeclared() implements RouteRule {
    /**
     * An id as the controller will bind it (an upper-case UUID names the same organization), so
     * that the rule and the handler agree on whose data is asked for.
     */
    private static String asBound(String pathVariable) {
      if (pathVariable == null) {
        return "";
      }
      return StrictIdConversion.isCanonical(pathVariable)
          ? StrictIdConversion.parse(pathVariable).toString()
          : pathVariable;
    }

    @Override
    public Optional<String> refusal(Caller caller, Map<String, String> pathVariables) {
      return Optional.of("This endpoint declares no roles, so it serves no caller.");
    }
  }

  record Roles(OnixRole[] allowed, String organization, String orSelf) implements RouteRule {

    void checkAgainst(HandlerMethod handler, PathPattern pattern) {
      if (allowed.length == 0) {
        throw new IllegalStateException(handler + " allows no role at all");
      }
      boolean scoped = Arrays.stream(allowed).anyMatch(OnixRole::organizationScoped);
      if (scoped && organization.isEmpty()) {
        throw new IllegalStateException(
            handler + " allows an org-scoped role without naming the organization's variable");
      }
      for (String variable : new String[] {organization, orSelf}) {
        if (!variable.isEmpty() && !pattern.getPatternString().contains("{" + variable + "}")) {
          throw new IllegalStateException(pattern + " has no variable {" + variable + "}");
        }
      }
    }

    /**
     * An id as the controller will bind it (an upper-case UUID names the same organization), so
     * that the rule and the handler agree on whose data is asked for.
     */
    private static String asBound(String pathVariable) {
      if (pathVariable == null) {
        return "";
      }
      return StrictIdConversion.isCanonical(pathVariable)
          ? StrictIdConversion.parse(pathVariable).toString()
          : pathVariable;
    }

    @Override
    public Optional<String> refusal(Caller caller, Map<String, String> pathVariables) {
      try {
        if (!orSelf.isEmpty()) {
          caller.requireSelfOr(asBound(pathVariables.get(orSelf)), allowed);
        } else if (!organization.isEmpty()) {
          caller.requireForOrganization(asBound(pathVariables.get(organization)), allowed);
        } else {
          caller.require(allowed);
        }
        return Optional.empty();
      } catch (ApiProblem refused) {
        return Optional.of(refused.detail());
      }
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Roles that
          && Arrays.equals(allowed, that.allowed)
          && organization.equals(that.organization)
          && orSelf.equals(that.orSelf);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(allowed) * 31 + organization.hashCode() * 7 + orSelf.hashCode();
    }
  }
}
