package com.onix.twofactor.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.onix.twofactor.support.web.ApiProblem;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class CallerTest {

  private static Caller caller(String organizationId, OnixRole... roles) {
    return new Caller("sub-1", Set.of(roles), organizationId);
  }

  private static void assertForbidden(Runnable check) {
    assertThatThrownBy(check::run)
        .isInstanceOfSatisfying(
            ApiProblem.class,
            problem -> {
              assertThat(problem.status()).isEqualTo(HttpStatus.FORBIDDEN);
              assertThat(problem.code()).isEqualTo("FORBIDDEN");
            });
  }

  @Nested
  class RequireForOrganization {

    @Test
    void anOrgScopedRoleForTheSameOrganizationIsAllowed() {
      assertThatCode(
              () ->
                  caller("org-1", OnixRole.ORG_ADMIN)
                      .requireForOrganization("org-1", OnixRole.ORG_ADMIN))
          .doesNotThrowAnyException();
    }

    @Test
    void anOrgScopedRoleForAnotherOrganizationIsForbidden() {
      assertForbidden(
          () ->
              caller("org-2", OnixRole.ORG_ADMIN)
                  .requireForOrganization("org-1", OnixRole.ORG_ADMIN));
    }

    @Test
    void anOrgScopedRoleWithoutAnOrganizationClaimIsForbidden() {
      assertForbidden(
          () ->
              caller(null, OnixRole.ORG_ADMIN).requireForOrganization("org-1", OnixRole.ORG_ADMIN));
    }

    @Test
    void aCallerWithoutAnyAllowedRoleIsForbidden() {
      assertForbidden(
          () ->
              caller("org-1", OnixRole.AUDITOR, OnixRole.USER)
                  .requireForOrganization("org-1", OnixRole.ORG_ADMIN));
    }

    @Test
    void aPlatformWideAllowedRoleAppliesToEveryOrganization() {
      assertThatCode(
              () ->
                  caller(null, OnixRole.SIGN_IN_SERVICE)
                      .requireForOrganization(
                          "org-1", OnixRole.ORG_ADMIN, OnixRole.SIGN_IN_SERVICE))
          .doesNotThrowAnyException();
    }

    @Test
    void anyOfSeveralAllowedOrgScopedRolesWillDo() {
      assertThatCode(
              () ->
                  caller("org-1", OnixRole.AUDITOR)
                      .requireForOrganization("org-1", OnixRole.ORG_ADMIN, OnixRole.AUDITOR))
          .doesNotThrowAnyException();
    }

    @Test
    void theRefusalForAnotherOrganizationSaysSoWithoutNamingIt() {
      assertThatThrownBy(
              () ->
                  caller("org-2", OnixRole.ORG_ADMIN)
                      .requireForOrganization("org-1", OnixRole.ORG_ADMIN))
          .hasMessage("Your role does not apply to this organization.")
          .hasMessageNotContaining("org-1")
          .hasMessageNotContaining("org-2");
    }
  }

  @Nested
  class RequireSelfOr {

    @Test
    void aUserActingOnThemselfIsAllowed() {
      assertThatCode(
              () ->
                  new Caller("user-1", Set.of(OnixRole.USER), null)
                      .requireSelfOr("user-1", OnixRole.SIGN_IN_SERVICE))
          .doesNotThrowAnyException();
    }

    @Test
    void aUserActingOnSomeoneElseIsForbidden() {
      assertForbidden(
          () ->
              new Caller("user-1", Set.of(OnixRole.USER), null)
                  .requireSelfOr("user-2", OnixRole.SIGN_IN_SERVICE));
    }

    @Test
    void anAllowedRoleMayActOnAnyUser() {
      assertThatCode(
              () ->
                  new Caller("sign-in-page", Set.of(OnixRole.SIGN_IN_SERVICE), null)
                      .requireSelfOr("user-2", OnixRole.SIGN_IN_SERVICE))
          .doesNotThrowAnyException();
    }

    @Test
    void theSameSubjectWithoutTheUserRoleIsNotSelf() {
      assertForbidden(
          () ->
              new Caller("user-1", Set.of(OnixRole.AUDITOR), "org-1")
                  .requireSelfOr("user-1", OnixRole.SIGN_IN_SERVICE));
    }
  }

  @Nested
  class Require {

    @Test
    void aCallerHoldingTheRoleIsAllowed() {
      assertThatCode(
              () -> caller(null, OnixRole.PLATFORM_OPERATOR).require(OnixRole.PLATFORM_OPERATOR))
          .doesNotThrowAnyException();
    }

    @Test
    void aCallerWithoutTheRoleIsForbidden() {
      assertForbidden(
          () -> caller("org-1", OnixRole.ORG_ADMIN).require(OnixRole.PLATFORM_OPERATOR));
    }
  }

  @Test
  void rolesAreCopiedSoLaterChangesToTheSourceDoNotLeakIn() {
    Set<OnixRole> roles = EnumSet.of(OnixRole.USER);
    Caller caller = new Caller("user-1", roles, null);

    roles.add(OnixRole.PLATFORM_OPERATOR);

    assertThat(caller.has(OnixRole.PLATFORM_OPERATOR)).isFalse();
  }

  @Test
  void rolesAsTextIsSortedAndCommaSeparated() {
    assertThat(caller("org-1", OnixRole.USER, OnixRole.AUDITOR, OnixRole.ORG_ADMIN).rolesAsText())
        .isEqualTo("AUDITOR,ORG_ADMIN,USER");
  }
}
