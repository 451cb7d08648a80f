package com.onix.twofactor.eventstore;

import com.mongodb.DuplicateKeyException;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * Appends a unit of work's events: one commit per aggregate, each inserted as one document under
 * indexes reserved from the {@link GlobalSequence}.
 *
 * <p>An insert can fail on either unique key. On {@code _id}, another writer appended the same
 * aggregate version first: the commit is refused (Axon's {@code ConcurrencyException}). On the
 * global index, a reader sealed it while this writer was slow: the commit takes fresh indexes. The
 * indexes a failed attempt reserved and did not use are voided at once, so readers need not wait
 * for them.
 */
final class CommitAppender {

  /** The most events one unit of work may append to one aggregate. */
  static final int MAX_COMMIT_EVENTS = 256;

  private static final int ATTEMPTS = 10;

  /** Raised with the event whose commit lost to another writer's. */
  static final class VersionTaken extends RuntimeException {
    final transient EventMessage<?> firstEvent;

    VersionTaken(EventMessage<?> firstEvent, Exception cause) {
      super(cause.getMessage(), cause);
      this.firstEvent = firstEvent;
    }
  }

  private final MongoCollection<Document> commits;
  private final GlobalSequence sequence;

  CommitAppender(EventLog log, GlobalSequence sequence) {
    this.commits = log.commits();
    this.sequence = sequence;
  }

  void append(List<? extends EventMessage<?>> events, Serializer serializer) {
    List<List<EventMessage<?>>> groups = byAggregate(events);
    List<Document> pending = new ArrayList<>(groups.size());
    for (List<EventMessage<?>> group : groups) {
      if (group.size() > MAX_COMMIT_EVENTS) {
        throw new EventStoreException(
            "A unit of work may append at most " + MAX_COMMIT_EVENTS + " events to an aggregate");
      }
      pending.add(Commits.commit(-1, group, serializer)); // serialized before indexes are taken
    }
    int done = 0;
    for (int attempt = 1; done < pending.size(); attempt++) {
      if (attempt > ATTEMPTS) {
        throw new EventStoreException("No global index could be taken for a commit");
      }
      int total = 0;
      for (int i = done; i < pending.size(); i++) {
        total += Commits.eventCount(pending.get(i));
      }
      long first = sequence.reserve(total);
      long end = first + total;
      long next = first;
      while (done < pending.size()) {
        Document commit = pending.get(done);
        commit.put(EventLog.GLOBAL_INDEX, next);
        try {
          commits.insertOne(commit);
        } catch (RuntimeException e) {
          if (!isDuplicateKey(e)) {
            voidRange(next, end);
            throw e;
          }
          boolean sealed = indexTaken(next);
          voidRange(sealed ? next + 1 : next, end);
          if (sealed) {
            break; // take fresh indexes for this commit and the ones after it
          }
          throw new VersionTaken(groups.get(done).get(0), e);
        }
        next += Commits.eventCount(commit);
        done++;
      }
    }
  }

  private boolean indexTaken(long index) {
    return commits.find(new Document(EventLog.GLOBAL_INDEX, index)).first() != null;
  }

  private void voidRange(long from, long end) {
    if (from >= end) {
      return;
    }
    List<Document> voids = new ArrayList<>((int) (end - from));
    for (long index = from; index < end; index++) {
      voids.add(Commits.voidAt(index));
    }
    try {
      commits.insertMany(voids, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      if (!isDuplicateKey(e)) {
        throw e;
      }
    }
  }

  private static List<List<EventMessage<?>>> byAggregate(List<? extends EventMessage<?>> events) {
    Map<String, List<EventMessage<?>>> groups = new LinkedHashMap<>();
    for (EventMessage<?> event : events) {
      groups.computeIfAbsent(Commits.aggregateOf(event), key -> new ArrayList<>()).add(event);
    }
    return new ArrayList<>(groups.values());
  }

  static boolean isDuplicateKey(Throwable e) {
    if (e instanceof MongoWriteException write) {
      return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
    if (e instanceof MongoBulkWriteException bulk) {
      return bulk.getWriteErrors().stream()
          .allMatch(
              error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
    }
    return e instanceof DuplicateKeyException;
  }
}
