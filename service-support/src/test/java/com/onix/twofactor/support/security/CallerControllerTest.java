package com.onix.twofactor.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerControllerTest {

  @Test
  void answersTheTokensSubjectRolesAndOrganization() {
    Caller caller = new Caller("admin-1", Set.of(OnixRole.ORG_ADMIN, OnixRole.AUDITOR), "org-1");

    CallerController.CallerView view = new CallerController().caller(caller);

    assertThat(view.subject()).isEqualTo("admin-1");
    assertThat(view.roles()).containsExactly("AUDITOR", "ORG_ADMIN");
    assertThat(view.organizationId()).isEqualTo("org-1");
  }

  @Test
  void aPlatformRoleHasNoOrganization() {
    Caller caller = new Caller("sign-in-page", Set.of(OnixRole.SIGN_IN_SERVICE), null);

    assertThat(new CallerController().caller(caller).organizationId()).isNull();
  }
}
