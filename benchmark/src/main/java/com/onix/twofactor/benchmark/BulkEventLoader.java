package com.onix.twofactor.benchmark;

import com.onix.twofactor.eventstore.BulkCommitAppender;
import com.onix.twofactor.eventstore.EventLog;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;

/**
 * Appends whole histories of new aggregates to a live store, through the event store's {@link
 * BulkCommitAppender}: for seeding a store with history while the services run.
 *
 * <p>The commits are written in rounds: round {@code r} holds the {@code r}-th commit of every
 * history that has one, in the order the histories were given, so the histories interleave in the
 * global order as concurrent users' do. A round is written in appends of at most {@code
 * commitsPerInsert} commits, and the next round starts only once the last is stored, so every
 * aggregate's commits take indexes in their own order.
 *
 * <p>The aggregates must be new: a history whose aggregate has events stored already is refused
 * before anything is written. A loader holds no state between calls; threads may share one, each
 * with histories of its own.
 */
final class BulkEventLoader {

  /** The most events one commit may hold: as for a unit of work. */
  static final int MAX_COMMIT_EVENTS = BulkCommitAppender.MAX_COMMIT_EVENTS;

  /**
   * One new aggregate's history: its commits in order, each the events one unit of work would have
   * appended, all of one aggregate and type, with sequence numbers 0, 1, 2, ... across them.
   */
  record History(List<List<? extends DomainEventMessage<?>>> commits) {

    History {
      commits = List.copyOf(commits);
    }

    /** A history of one event per commit. */
    static History ofEvents(List<? extends DomainEventMessage<?>> events) {
      List<List<? extends DomainEventMessage<?>>> commits = new ArrayList<>(events.size());
      for (DomainEventMessage<?> event : events) {
        commits.add(List.of(event));
      }
      return new History(commits);
    }

    int eventCount() {
      int count = 0;
      for (List<? extends DomainEventMessage<?>> commit : commits) {
        count += commit.size();
      }
      return count;
    }

    String aggregateIdentifier() {
      return commits.get(0).get(0).getAggregateIdentifier();
    }
  }

  private final BulkCommitAppender appender;
  private final int commitsPerInsert;

  /**
   * @param serializer the event serializer the services read with
   */
  BulkEventLoader(EventLog log, Serializer serializer, int commitsPerInsert) {
    if (commitsPerInsert < 1) {
      throw new IllegalArgumentException("commitsPerInsert must be positive");
    }
    this.appender = new BulkCommitAppender(log, serializer);
    this.commitsPerInsert = commitsPerInsert;
  }

  /**
   * Appends the histories, and returns once all their events are stored.
   *
   * @return how many events were appended
   * @throws IllegalArgumentException if a history is malformed or its aggregate exists already;
   *     nothing is written then
   * @throws IllegalStateException if the store is not in the current layout
   */
  long append(List<History> histories) {
    if (histories.isEmpty()) {
      return 0;
    }
    appender.requireCurrentLayout();
    Set<String> aggregates = new LinkedHashSet<>();
    int rounds = 0;
    for (History history : histories) {
      validate(history);
      if (!aggregates.add(history.aggregateIdentifier())) {
        throw new IllegalArgumentException(
            "Two histories of aggregate " + history.aggregateIdentifier());
      }
      rounds = Math.max(rounds, history.commits().size());
    }
    appender.requireNew(aggregates);
    long appended = 0;
    List<List<? extends DomainEventMessage<?>>> batch = new ArrayList<>(commitsPerInsert);
    for (int round = 0; round < rounds; round++) {
      for (History history : histories) {
        if (round < history.commits().size()) {
          batch.add(history.commits().get(round));
          if (batch.size() == commitsPerInsert) {
            appended += appender.append(batch);
            batch.clear();
          }
        }
      }
      if (!batch.isEmpty()) { // the next round may hold the same aggregates again
        appended += appender.append(batch);
        batch.clear();
      }
    }
    return appended;
  }

  private static void validate(History history) {
    if (history.commits().isEmpty() || history.commits().get(0).isEmpty()) {
      throw new IllegalArgumentException("A history needs a first commit with events");
    }
    DomainEventMessage<?> first = history.commits().get(0).get(0);
    String aggregate = first.getAggregateIdentifier();
    long expected = 0;
    for (List<? extends DomainEventMessage<?>> commit : history.commits()) {
      if (commit.isEmpty() || commit.size() > MAX_COMMIT_EVENTS) {
        throw new IllegalArgumentException(
            "A commit holds 1 to "
                + MAX_COMMIT_EVENTS
                + " events; one of "
                + aggregate
                + " has "
                + commit.size());
      }
      for (DomainEventMessage<?> event : commit) {
        if (!Objects.equals(aggregate, event.getAggregateIdentifier())
            || !Objects.equals(first.getType(), event.getType())) {
          throw new IllegalArgumentException(
              "The history of "
                  + aggregate
                  + " holds an event of "
                  + event.getAggregateIdentifier());
        }
        if (event.getSequenceNumber() != expected) {
          throw new IllegalArgumentException(
              "The history of "
                  + aggregate
                  + " has sequence number "
                  + event.getSequenceNumber()
                  + " where "
                  + expected
                  + " belongs");
        }
        expected++;
      }
    }
  }
}
