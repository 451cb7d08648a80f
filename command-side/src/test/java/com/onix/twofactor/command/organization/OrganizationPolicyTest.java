package com.onix.twofactor.command.organization;

import com.onix.twofactor.kernel.organization.OrganizationRegistered;
import com.onix.twofactor.kernel.organization.PolicyDisabled;
import com.onix.twofactor.kernel.organization.PolicyEnabled;
import com.onix.twofactor.kernel.organization.PolicyState;
import com.onix.twofactor.kernel.organization.RegisterOrganization;
import com.onix.twofactor.kernel.organization.SetTwoFactorPolicy;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrganizationPolicyTest {

  private static final String ORG = "8d1f5a52-54a5-4bd6-9c1c-2f7b0c8e0a11";

  private FixtureConfiguration<OrganizationPolicy> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(OrganizationPolicy.class);
  }

  @Test
  void registeringAnOrganizationEmitsOrganizationRegistered() {
    fixture
        .givenNoPriorActivity()
        .when(new RegisterOrganization(ORG, "Acme"))
        .expectSuccessfulHandlerExecution()
        .expectEvents(new OrganizationRegistered(ORG, "Acme"));
  }

  @Test
  void enablingADisabledPolicyEmitsPolicyEnabled() {
    fixture
        .given(new OrganizationRegistered(ORG, "Acme"))
        .when(new SetTwoFactorPolicy(ORG, true))
        .expectEvents(new PolicyEnabled(ORG))
        .expectResultMessagePayload(new PolicyState(true, 1));
  }

  @Test
  void disablingAnEnabledPolicyEmitsPolicyDisabled() {
    fixture
        .given(new OrganizationRegistered(ORG, "Acme"), new PolicyEnabled(ORG))
        .when(new SetTwoFactorPolicy(ORG, false))
        .expectEvents(new PolicyDisabled(ORG))
        .expectResultMessagePayload(new PolicyState(false, 2));
  }

  @Test
  void enablingAnEnabledPolicyEmitsNothingAndAnswersTheCurrentState() {
    fixture
        .given(new OrganizationRegistered(ORG, "Acme"), new PolicyEnabled(ORG))
        .when(new SetTwoFactorPolicy(ORG, true))
        .expectNoEvents()
        .expectResultMessagePayload(new PolicyState(true, 1));
  }

  @Test
  void disablingANeverEnabledPolicyEmitsNothing() {
    fixture
        .given(new OrganizationRegistered(ORG, "Acme"))
        .when(new SetTwoFactorPolicy(ORG, false))
        .expectNoEvents()
        .expectResultMessagePayload(new PolicyState(false, 0));
  }

  @Test
  void theAnsweredStateCarriesTheAggregateVersionAfterTheChange() {
    fixture
        .given(
            new OrganizationRegistered(ORG, "Acme"),
            new PolicyEnabled(ORG),
            new PolicyDisabled(ORG),
            new PolicyEnabled(ORG),
            new PolicyDisabled(ORG))
        .when(new SetTwoFactorPolicy(ORG, true))
        .expectEvents(new PolicyEnabled(ORG))
        .expectResultMessagePayload(new PolicyState(true, 5));
  }

  @Test
  void theAnsweredStateCarriesTheAggregateVersionWhenNothingChanged() {
    fixture
        .given(
            new OrganizationRegistered(ORG, "Acme"),
            new PolicyEnabled(ORG),
            new PolicyDisabled(ORG))
        .when(new SetTwoFactorPolicy(ORG, false))
        .expectNoEvents()
        .expectResultMessagePayload(new PolicyState(false, 2));
  }

  @Test
  void settingThePolicyOfAnUnknownOrganizationFails() {
    fixture
        .givenNoPriorActivity()
        .when(new SetTwoFactorPolicy(ORG, true))
        .expectException(AggregateNotFoundException.class)
        .expectNoEvents();
  }
}
