package com.onix.twofactor.command.web;

import com.onix.twofactor.command.refusal.CommandRefused;
import com.onix.twofactor.command.store.StoreDurability;
import com.onix.twofactor.kernel.audit.AuditMetadata;
import com.onix.twofactor.support.security.Caller;
import com.onix.twofactor.support.web.ApiProblem;
import com.onix.twofactor.support.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Sends a command on behalf of the caller of an HTTP request, with the audit metadata every event
 * carries, and answers only once what the command stored is durable. Domain refusals become problem
 * documents here.
 */
@Component
public class CommandDispatcher {

  private final CommandGateway commands;
  private final StoreDurability durability;
  private final Clock clock;
  private final ConflictBackoff backoff;

  public CommandDispatcher(
      CommandGateway commands,
      StoreDurability durability,
      Clock clock,
      @Value("${onix.command.conflict-retry-budget:2s}") Duration conflictRetryBudget) {
    this.commands = commands;
    this.durability = durability;
    this.clock = clock;
    this.backoff = ConflictBackoff.standard(conflictRetryBudget);
  }

  /**
   * @param missing the problem to answer when the command's target aggregate does not exist
   */
  public <R> R dispatch(
      Object command, Caller caller, HttpServletRequest request, ApiProblem missing) {
    MetaData metaData =
        MetaData.from(
            Map.of(
                AuditMetadata.ACTOR_ID, caller.subject(),
                AuditMetadata.ACTOR_ROLES, caller.rolesAsText(),
                AuditMetadata.CORRELATION_ID, RequestIdFilter.of(request),
                AuditMetadata.REQUEST_TIME, clock.instant().toString()));
    ConflictBackoff.Attempts attempts = backoff.start();
    while (true) {
      try {
        R result =
            commands.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        durability.awaitDurable();
        return result;
      } catch (ConcurrencyException conflict) {
        // Another writer appended to the same aggregate first: decide again on fresh state.
        if (!waitToRetry(attempts)) {
          throw new ApiProblem(
              HttpStatus.CONFLICT, "CONCURRENT_CHANGE", "The resource changed meanwhile; retry.");
        }
      } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
        throw missing;
      } catch (CommandRefused refused) {
        throw new ApiProblem(statusOf(refused.kind()), refused.code(), refused.getMessage());
      }
    }
  }

  private static boolean waitToRetry(ConflictBackoff.Attempts attempts) {
    try {
      return attempts.waitToRetry();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static HttpStatus statusOf(CommandRefused.Kind kind) {
    return switch (kind) {
      case INVALID -> HttpStatus.BAD_REQUEST;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case CONFLICT -> HttpStatus.CONFLICT;
      case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
    };
  }
}
