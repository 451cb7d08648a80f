package com.onix.twofactor.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class CallerFromTokenTest {

  private static Jwt.Builder token() {
    return Jwt.withTokenValue("token")
        .header("alg", "RS256")
        .subject("admin-1")
        .expiresAt(Instant.now().plusSeconds(60));
  }

  @Test
  void subjectRolesAndOrganizationComeFromTheClaims() {
    Caller caller =
        CallerArgumentResolver.fromToken(
            token().claim("roles", List.of("ORG_ADMIN", "AUDITOR")).claim("org", "org-1").build());

    assertThat(caller.subject()).isEqualTo("admin-1");
    assertThat(caller.roles()).containsExactlyInAnyOrder(OnixRole.ORG_ADMIN, OnixRole.AUDITOR);
    assertThat(caller.organizationId()).isEqualTo("org-1");
  }

  @Test
  void unknownRoleNamesGrantNothing() {
    Caller caller =
        CallerArgumentResolver.fromToken(
            token().claim("roles", List.of("ROOT", "org_admin", "ORG_ADMIN ")).build());

    assertThat(caller.roles()).isEmpty();
  }

  @Test
  void aRolesClaimThatIsNotAListGrantsNothing() {
    Caller caller =
        CallerArgumentResolver.fromToken(token().claim("roles", "PLATFORM_OPERATOR").build());

    assertThat(caller.roles()).isEmpty();
  }

  @Test
  void anOrganizationClaimThatIsNotTextIsIgnored() {
    Caller caller =
        CallerArgumentResolver.fromToken(
            token().claim("roles", List.of("ORG_ADMIN")).claim("org", List.of("org-1")).build());

    assertThat(caller.organizationId()).isNull();
  }
}
