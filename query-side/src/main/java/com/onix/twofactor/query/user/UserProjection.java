package com.onix.twofactor.query.user;

import com.onix.twofactor.kernel.audit.OrganizationScoped;
import com.onix.twofactor.kernel.catalogue.AggregateType;
import com.onix.twofactor.query.view.Versioned;
import com.onix.twofactor.query.view.ViewBatch;
import com.onix.twofactor.query.view.ViewBatches;
import com.onix.twofactor.query.view.ViewPreloader;
import com.onix.twofactor.query.view.ViewStore;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * One document per user with the state the admin pages and the sign-in page read, plus the
 * email-to-user lookup the sign-in page starts from. Every event of a user advances the document's
 * version, even one that changes nothing shown, so that read-your-writes can wait for any of them.
 */
@Component
@ProcessingGroup("projections")
public class UserProjection implements ViewPreloader {

  private final ViewBatches batches;

  public UserProjection(ViewBatches batches) {
    this.batches = batches;
  }

  @Override
  public void preload(List<? extends EventMessage<?>> events, ViewBatch batch) {
    Set<String> users = new LinkedHashSet<>();
    Set<String> organizations = new LinkedHashSet<>();
    for (EventMessage<?> event : events) {
      if (event instanceof DomainEventMessage<?> domain
          && AggregateType.USER_TWO_FACTOR.is(domain.getType())) {
        users.add(domain.getAggregateIdentifier());
        if (domain.getPayload() instanceof OrganizationScoped scoped) {
          organizations.add(scoped.organizationId());
        }
      }
    }
    batch.preload(ViewStore.USERS, users);
    batch.preload(ViewStore.MEMBER_POSITIONS, users);
    batch.preload(ViewStore.MEMBER_COUNTERS, organizations);
  }

  @EventHandler
  void on(Object event, DomainEventMessage<?> message) {
    if (!AggregateType.USER_TWO_FACTOR.is(message.getType())) {
      return;
    }
    ViewBatch batch = batches.current();
    String userId = message.getAggregateIdentifier();
    Document stored = batch.find(ViewStore.USERS, userId).orElse(null);
    long applied = stored == null ? -1 : stored.get(Versioned.VERSION, Number.class).longValue();
    if (applied >= message.getSequenceNumber()) {
      return; // a replay of what this view has already taken in
    }
    UserDocument before = stored == null ? null : UserDocument.from(stored);
    UserDocument after = UserTimeline.next(before, event, message.getTimestamp());
    if (after == null) {
      return;
    }
    long position =
        stored == null
            ? enlist(batch, after)
            : stored.get(UserView.POSITION, Number.class).longValue();
    batch.put(
        ViewStore.USERS,
        after
            .toDocument()
            .append(UserView.POSITION, position)
            .append(Versioned.VERSION, message.getSequenceNumber()));
  }

  /**
   * A new user gets the next position of their organization's list (1, 2, 3, ...), so that a page
   * of it is a key lookup. A replay after a crash finds its position again: the counter is written
   * after the position (ViewStore.WRITE_ORDER).
   */
  private long enlist(ViewBatch batch, UserDocument user) {
    batch.put(
        ViewStore.USER_EMAILS,
        new Document("_id", user.emailKey()).append("userId", user.userId()));
    Optional<Document> placed = batch.find(ViewStore.MEMBER_POSITIONS, user.userId());
    long last =
        batch
            .find(ViewStore.MEMBER_COUNTERS, user.organizationId())
            .map(counter -> counter.get("last", Number.class).longValue())
            .orElse(0L);
    long position =
        placed
            .map(found -> found.get(UserView.POSITION, Number.class).longValue())
            .orElse(last + 1);
    batch.put(
        ViewStore.MEMBERS,
        new Document("_id", UserView.memberKey(user.organizationId(), position))
            .append("userId", user.userId()));
    batch.put(
        ViewStore.MEMBER_POSITIONS,
        new Document("_id", user.userId()).append(UserView.POSITION, position));
    batch.put(
        ViewStore.MEMBER_COUNTERS,
        new Document("_id", user.organizationId()).append("last", Math.max(last, position)));
    return position;
  }
}
