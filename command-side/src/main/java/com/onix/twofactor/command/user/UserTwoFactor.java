package com.onix.twofactor.command.user;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.onix.twofactor.kernel.user.ChangeSignInMethod;
import com.onix.twofactor.kernel.user.RegisterUser;
import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.kernel.user.SignInMethodChanged;
import com.onix.twofactor.kernel.user.UserRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One user's second factor. Created by {@link UserRegistration}, which checks what this aggregate
 * cannot see: that the organization exists and that nobody else has the email.
 */
@Aggregate(cache = "aggregateCache")
public class UserTwoFactor {

  @AggregateIdentifier private String userId;
  private String organizationId;
  private SignInMethod signInMethod;

  protected UserTwoFactor() {}

  UserTwoFactor(RegisterUser command) {
    apply(
        new UserRegistered(
            command.userId(),
            command.organizationId(),
            command.email(),
            command.displayName(),
            command.signInMethod()));
  }

  @CommandHandler
  public long handle(ChangeSignInMethod command) {
    requireMemberOf(command.organizationId());
    if (command.signInMethod() != signInMethod) {
      apply(new SignInMethodChanged(userId, organizationId, signInMethod, command.signInMethod()));
    }
    return AggregateLifecycle.getVersion();
  }

  /** An admin of another organization must not learn that this user exists. */
  private void requireMemberOf(String organization) {
    if (!organizationId.equals(organization)) {
      throw new UserNotInOrganization();
    }
  }

  @EventSourcingHandler
  void on(UserRegistered event) {
    userId = event.userId();
    organizationId = event.organizationId();
    signInMethod = event.signInMethod();
  }

  @EventSourcingHandler
  void on(SignInMethodChanged event) {
    signInMethod = event.signInMethod();
  }
}
