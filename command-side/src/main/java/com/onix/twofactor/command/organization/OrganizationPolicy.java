package com.onix.twofactor.command.organization;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.onix.twofactor.kernel.catalogue.AggregateType;
import com.onix.twofactor.kernel.emailcode.EmailCodePolicy;
import com.onix.twofactor.kernel.emailcode.EmailCodesAllowed;
import com.onix.twofactor.kernel.emailcode.EmailCodesDisallowed;
import com.onix.twofactor.kernel.emailcode.SetEmailCodePolicy;
import com.onix.twofactor.kernel.organization.OrganizationRegistered;
import com.onix.twofactor.kernel.organization.PolicyDisabled;
import com.onix.twofactor.kernel.organization.PolicyEnabled;
import com.onix.twofactor.kernel.organization.PolicyState;
import com.onix.twofactor.kernel.organization.RegisterOrganization;
import com.onix.twofactor.kernel.organization.SetTwoFactorPolicy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/** An organization and its company-wide "Require two-factor authentication" policy. */
@Aggregate(
    type = AggregateType.Names.ORGANIZATION_POLICY,
    cache = "organizationCache",
    snapshotTriggerDefinition = "snapshotTrigger")
public class OrganizationPolicy {

  @AggregateIdentifier private String organizationId;
  private boolean required;
  private boolean emailCodesAllowed;

  protected OrganizationPolicy() {}

  @CommandHandler
  public OrganizationPolicy(RegisterOrganization command) {
    apply(new OrganizationRegistered(command.organizationId(), command.name()));
  }

  /** Setting the value the policy already has is no change and records nothing. */
  @CommandHandler
  public PolicyState handle(SetTwoFactorPolicy command) {
    if (command.required() != required) {
      apply(
          command.required()
              ? new PolicyEnabled(organizationId)
              : new PolicyDisabled(organizationId));
    }
    return new PolicyState(required, AggregateLifecycle.getVersion());
  }

  /** "Allow codes by email": setting the current value again records nothing either. */
  @CommandHandler
  public EmailCodePolicy handle(SetEmailCodePolicy command) {
    if (command.allowed() != emailCodesAllowed) {
      apply(
          command.allowed()
              ? new EmailCodesAllowed(organizationId)
              : new EmailCodesDisallowed(organizationId));
    }
    return new EmailCodePolicy(emailCodesAllowed, AggregateLifecycle.getVersion());
  }

  public boolean emailCodesAllowed() {
    return emailCodesAllowed;
  }

  @EventSourcingHandler
  void on(EmailCodesAllowed event) {
    emailCodesAllowed = true;
  }

  @EventSourcingHandler
  void on(EmailCodesDisallowed event) {
    emailCodesAllowed = false;
  }

  @EventSourcingHandler
  void on(OrganizationRegistered event) {
    organizationId = event.organizationId();
  }

  @EventSourcingHandler
  void on(PolicyEnabled event) {
    required = true;
  }

  @EventSourcingHandler
  void on(PolicyDisabled event) {
    required = false;
  }
}
