package com.onix.twofactor.command.organization;

import com.onix.twofactor.kernel.emailcode.EmailCodePolicy;
import com.onix.twofactor.kernel.emailcode.EmailCodesAllowed;
import com.onix.twofactor.kernel.emailcode.EmailCodesDisallowed;
import com.onix.twofactor.kernel.emailcode.SetEmailCodePolicy;
import com.onix.twofactor.kernel.organization.OrganizationRegistered;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

class EmailCodePolicyTest {

  private static final String ORG = "8d1f5a52-54a5-4bd6-9c1c-2f7b0c8e0a11";

  private final FixtureConfiguration<OrganizationPolicy> fixture =
      new AggregateTestFixture<>(OrganizationPolicy.class);

  @Test
  void allowingCodesByEmailEmitsEmailCodesAllowed() {
    fixture
        .given(new OrganizationRegistered(ORG, "Acme"))
        .when(new SetEmailCodePolicy(ORG, true))
        .expectEvents(new EmailCodesAllowed(ORG))
        .expectResultMessagePayload(new EmailCodePolicy(true, 1));
  }

  @Test
  void codesByEmailAreOffByDefaultSoDisallowingANewOrganizationRecordsNothing() {
    fixture
        .given(new OrganizationRegistered(ORG, "Acme"))
        .when(new SetEmailCodePolicy(ORG, false))
        .expectNoEvents()
        .expectResultMessagePayload(new EmailCodePolicy(false, 0));
  }

  @Test
  void disallowingAllowedCodesEmitsEmailCodesDisallowed() {
    fixture
        .given(new OrganizationRegistered(ORG, "Acme"), new EmailCodesAllowed(ORG))
        .when(new SetEmailCodePolicy(ORG, false))
        .expectEvents(new EmailCodesDisallowed(ORG))
        .expectResultMessagePayload(new EmailCodePolicy(false, 2));
  }

  @Test
  void allowingAgainWhatIsAllowedRecordsNothing() {
    fixture
        .given(new OrganizationRegistered(ORG, "Acme"), new EmailCodesAllowed(ORG))
        .when(new SetEmailCodePolicy(ORG, true))
        .expectNoEvents()
        .expectResultMessagePayload(new EmailCodePolicy(true, 1));
  }
}
