package com.onix.twofactor.command.user;

import com.onix.twofactor.command.organization.OrganizationPolicy;
import com.onix.twofactor.command.refusal.CommandRefused;
import com.onix.twofactor.kernel.user.EmailAddress;
import com.onix.twofactor.kernel.user.RegisterUser;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Registers a user after the checks that span aggregates: the organization exists, and the email is
 * claimed for this user before the {@code UserRegistered} event is stored.
 */
@Component
public class UserRegistration {

  private final Repository<UserTwoFactor> users;
  private final Repository<OrganizationPolicy> organizations;
  private final EmailClaims emailClaims;
  private final EventStore eventStore;

  public UserRegistration(
      Repository<UserTwoFactor> users,
      Repository<OrganizationPolicy> organizations,
      EmailClaims emailClaims,
      EventStore eventStore) {
    this.users = users;
    this.organizations = organizations;
    this.emailClaims = emailClaims;
    this.eventStore = eventStore;
  }

  @CommandHandler
  public long handle(RegisterUser command) throws Exception {
    requireOrganization(command.organizationId());
    String emailKey = new EmailAddress(command.email()).uniquenessKey();
    emailClaims.claim(
        emailKey, command.userId(), id -> eventStore.lastSequenceNumberFor(id).isPresent());
    CurrentUnitOfWork.get()
        .onRollback(unitOfWork -> emailClaims.release(emailKey, command.userId()));
    users.newInstance(() -> new UserTwoFactor(command));
    return 0L;
  }

  private void requireOrganization(String organizationId) {
    try {
      organizations.load(organizationId);
    } catch (AggregateNotFoundException e) {
      throw CommandRefused.unknownOrganization();
    }
  }
}
