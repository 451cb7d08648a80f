package com.onix.twofactor.command.emailcode;

import com.onix.twofactor.command.organization.OrganizationPolicy;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** Reads the setting from the organization's aggregate, within the asking command. */
@Component
class OrganizationEmailCodeSetting implements EmailCodeSetting {

  private final Repository<OrganizationPolicy> organizations;

  OrganizationEmailCodeSetting(Repository<OrganizationPolicy> organizations) {
    this.organizations = organizations;
  }

  @Override
  public boolean allowedFor(String organizationId) {
    return organizations.load(organizationId).invoke(OrganizationPolicy::emailCodesAllowed);
  }
}
