package com.onix.twofactor.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

class RouteRuleTest {

  @SuppressWarnings("unused")
  static class Handlers {
    void undeclared() {}

    @AnyValidToken
    void anyToken() {}

    @AllowedRoles(
        value = {OnixRole.ORG_ADMIN, OnixRole.AUDITOR},
        organization = "orgId")
    void organizationScoped() {}

    @AllowedRoles(value = OnixRole.SIGN_IN_SERVICE, orSelf = "userId")
    void selfOrSignIn() {}

    @AllowedRoles(OnixRole.ORG_ADMIN)
    void orgScopedRoleWithoutItsOrganization() {}

    @AllowedRoles(value = OnixRole.ORG_ADMIN, organization = "organizationId")
    void organizationVariableTheRouteDoesNotHave() {}

    @AnyValidToken
    @AllowedRoles(OnixRole.PLATFORM_OPERATOR)
    void both() {}
  }

  private static RouteRule rule(String method, String pattern) throws Exception {
    HandlerMethod handler =
        new HandlerMethod(new Handlers(), Handlers.class.getDeclaredMethod(method));
    PathPattern parsed = PathPatternParser.defaultInstance.parse(pattern);
    return RouteRule.of(handler, parsed);
  }

  private static Caller caller(String subject, String org, OnixRole... roles) {
    return new Caller(subject, Set.of(roles), org);
  }

  @Test
  void aRouteThatDeclaresNoRolesServesNobody() throws Exception {
    RouteRule rule = rule("undeclared", "/things");

    assertThat(rule.refusal(caller("op", null, OnixRole.values()), Map.of())).isPresent();
  }

  @Test
  void anyValidTokenServesEveryCaller() throws Exception {
    assertThat(rule("anyToken", "/caller").refusal(caller("x", null), Map.of())).isEmpty();
  }

  @Test
  void anOrgScopedRoleServesItsOwnOrganizationOnly() throws Exception {
    RouteRule rule = rule("organizationScoped", "/organizations/{orgId}/users");
    Caller auditor = caller("a", "org-1", OnixRole.AUDITOR);

    assertThat(rule.refusal(auditor, Map.of("orgId", "org-1"))).isEmpty();
    assertThat(rule.refusal(auditor, Map.of("orgId", "org-2"))).isPresent();
    assertThat(rule.refusal(auditor, Map.of("orgId", "not-a-uuid"))).isPresent();
    assertThat(
            rule.refusal(caller("s", "org-1", OnixRole.SIGN_IN_SERVICE), Map.of("orgId", "org-1")))
        .isPresent();
  }

  @Test
  void theUserThemselfOrTheAllowedRoleIsServed() throws Exception {
    RouteRule rule = rule("selfOrSignIn", "/users/{userId}/two-factor/setup");

    assertThat(rule.refusal(caller("u-1", null, OnixRole.USER), Map.of("userId", "u-1"))).isEmpty();
    assertThat(rule.refusal(caller("u-2", null, OnixRole.USER), Map.of("userId", "u-1")))
        .isPresent();
    assertThat(
            rule.refusal(caller("page", null, OnixRole.SIGN_IN_SERVICE), Map.of("userId", "u-1")))
        .isEmpty();
  }

  @Test
  void anOrgScopedRoleWithoutItsOrganizationVariableStopsTheStart() {
    assertThatThrownBy(() -> rule("orgScopedRoleWithoutItsOrganization", "/organizations/{orgId}"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aVariableTheRouteDoesNotHaveStopsTheStart() {
    assertThatThrownBy(
            () -> rule("organizationVariableTheRouteDoesNotHave", "/organizations/{orgId}"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void declaringBothStopsTheStart() {
    assertThatThrownBy(() -> rule("both", "/x")).isInstanceOf(IllegalStateException.class);
  }
}
