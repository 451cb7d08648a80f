package com.onix.twofactor.eventstore;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * Appends many commits at once beside the engine, in the store's own layout: the same commit
 * documents the engine writes (one per unit of work), under indexes reserved from the {@link
 * GlobalSequence}, so the engine reads them back by key, tracking processors receive them in global
 * order, and writers and readers that run meanwhile are not disturbed. It is the event store's
 * entry point for writing histories in bulk (today the benchmark's bulk seeder, which decides what
 * to write and in what order); commands go through the engine.
 *
 * <p>One {@link #append} is one reservation of as many indexes as its commits hold events, then one
 * unordered insert of them all, so that readers find the reserved indexes filled long before their
 * gap timeout: a caller keeps each call to a few hundred commits. A call holds at most one commit
 * per aggregate and returns only once they are stored, so the commits of an aggregate that a caller
 * appends call after call take indexes in their own order even when one has to be moved. A commit
 * whose first index a reader sealed meanwhile (a stalled writer) takes fresh indexes, as in {@link
 * CommitAppender}; the indexes it did not use are voided at once.
 *
 * <p>The caller owns the aggregates' sequence numbers: each commit continues its aggregate where
 * the one before it ended. Identifiers that nobody else uses (random UUIDs) keep other writers from
 * appending to an aggregate meanwhile; if one does, its events stand and the call fails. An
 * appender holds no state between calls; threads may share one.
 */
public final class BulkCommitAppender {

  /** The most events one commit may hold: as for a unit of work. */
  public static final int MAX_COMMIT_EVENTS = CommitAppender.MAX_COMMIT_EVENTS;

  private static final int ATTEMPTS = 10;

  private final MongoCollection<Document> commits;
  private final StoreLayout layout;
  private final GlobalSequence sequence;
  private final Serializer serializer;

  /**
   * @param serializer the event serializer the services read with
   */
  public BulkCommitAppender(EventLog log, Serializer serializer) {
    this.commits = log.commits();
    this.layout = new StoreLayout(log);
    this.sequence = new GlobalSequence(log);
    this.serializer = EventNameSerializer.around(Objects.requireNonNull(serializer));
  }

  /**
   * @throws IllegalStateException if the store is not in the current layout (a migration has not
   *     run or is running)
   */
  public void requireCurrentLayout() {
    if (!layout.ready()) {
      throw new IllegalStateException(
          "The event store is not in the current layout yet: start the command side on it first");
    }
  }

  /**
   * One key lookup per thousand aggregates.
   *
   * @throws IllegalArgumentException naming an aggregate that has events stored already
   */
  public void requireNew(Collection<String> aggregateIdentifiers) {
    List<String> keys = new ArrayList<>(aggregateIdentifiers.size());
    for (String aggregate : aggregateIdentifiers) {
      keys.add(Commits.id(aggregate, 0));
    }
    for (int from = 0; from < keys.size(); from += 1000) {
      List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 1000));
      Document stored =
          commits
              .find(new Document("_id", new Document("$in", chunk)))
              .projection(new Document(Commits.AGGREGATE, 1))
              .first();
      if (stored != null) {
        throw new IllegalArgumentException(
            "Aggregate " + stored.getString(Commits.AGGREGATE) + " exists already");
      }
    }
  }

  /**
   * Stores the commits, each the events one unit of work would have appended to one aggregate, and
   * returns once they are.
   *
   * @return how many events were appended
   * @throws IllegalArgumentException if a commit is empty, too large, holds events of more than one
   *     aggregate, or two commits are of one aggregate; nothing is written then
   * @throws IllegalStateException if the store is not in the current layout
   * @throws EventStoreException if another writer appended to one of the aggregates meanwhile, or
   *     no indexes could be taken; what was stored before stays
   */
  public long append(List<? extends List<? extends DomainEventMessage<?>>> batch) {
    if (batch.isEmpty()) {
      return 0;
    }
    requireCurrentLayout();
    Set<String> aggregates = new HashSet<>();
    for (List<? extends DomainEventMessage<?>> commit : batch) {
      if (!aggregates.add(validAggregateOf(commit))) {
        throw new IllegalArgumentException(
            "Two commits of " + commit.get(0).getAggregateIdentifier() + " in one append");
      }
    }
    List<Document> documents = new ArrayList<>(batch.size());
    for (List<? extends DomainEventMessage<?>> commit : batch) {
      documents.add(Commits.commit(-1, commit, serializer));
    }
    return write(documents);
  }

  private static String validAggregateOf(List<? extends DomainEventMessage<?>> commit) {
    if (commit.isEmpty() || commit.size() > MAX_COMMIT_EVENTS) {
      throw new IllegalArgumentException(
          "A commit holds 1 to " + MAX_COMMIT_EVENTS + " events, not " + commit.size());
    }
    DomainEventMessage<?> first = commit.get(0);
    String aggregate = first.getAggregateIdentifier();
    if (aggregate == null) {
      throw new IllegalArgumentException("A commit needs an aggregate's events");
    }
    long expected = first.getSequenceNumber();
    for (DomainEventMessage<?> event : commit) {
      if (!aggregate.equals(event.getAggregateIdentifier())
          || !Objects.equals(first.getType(), event.getType())) {
        throw new IllegalArgumentException(
            "A commit of " + aggregate + " holds an event of " + event.getAggregateIdentifier());
      }
      if (event.getSequenceNumber() != expected++) {
        throw new IllegalArgumentException(
            "The sequence numbers in a commit of " + aggregate + " are not consecutive");
      }
    }
    return aggregate;
  }

  /**
   * Stores commits of distinct aggregates under freshly reserved indexes, in the order given; a
   * commit whose first index was sealed before it landed is stored again under new ones.
   *
   * @return the events stored
   */
  private long write(List<Document> batch) {
    List<Document> pending = new ArrayList<>(batch);
    long stored = 0;
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      if (attempt > ATTEMPTS) {
        throw new EventStoreException("No global indexes could be taken for a bulk load");
      }
      int total = 0;
      for (Document commit : pending) {
        total += Commits.eventCount(commit);
      }
      long next = sequence.reserve(total);
      for (Document commit : pending) {
        commit.put(EventLog.GLOBAL_INDEX, next);
        next += Commits.eventCount(commit);
      }
      List<Document> refused = insert(pending);
      for (Document commit : pending) {
        stored += Commits.eventCount(commit);
      }
      for (Document commit : refused) {
        stored -= Commits.eventCount(commit);
      }
      pending = retryable(refused);
    }
    return stored;
  }

  /** Inserts the commits in one request; returns those refused as duplicates. */
  private List<Document> insert(List<Document> batch) {
    try {
      commits.insertMany(batch, new InsertManyOptions().ordered(false));
      return List.of();
    } catch (MongoBulkWriteException e) {
      // Any other failure propagates: readers seal what is left missing after their gap timeout.
      if (!CommitAppender.isDuplicateKey(e)) {
        throw e;
      }
      List<Document> refused = new ArrayList<>(e.getWriteErrors().size());
      for (BulkWriteError error : e.getWriteErrors()) {
        refused.add(batch.get(error.getIndex()));
      }
      return refused;
    }
  }

  /**
   * Of the refused commits, those whose first index was taken by a reader's seal get another try;
   * any other lost to a writer of the same aggregate version, and fails the load. Either way their
   * indexes are voided first, so that readers need not wait for them.
   */
  private List<Document> retryable(List<Document> refused) {
    if (refused.isEmpty()) {
      return List.of();
    }
    Map<Long, Document> byIndex = new TreeMap<>();
    for (Document commit : refused) {
      byIndex.put(Commits.globalIndex(commit), commit);
    }
    Set<Long> sealed = new HashSet<>();
    for (Document taken :
        commits.find(
            new Document(
                EventLog.GLOBAL_INDEX, new Document("$in", new ArrayList<>(byIndex.keySet()))))) {
      sealed.add(Commits.globalIndex(taken));
    }
    List<Document> voids = new ArrayList<>();
    for (Document commit : refused) {
      long first = Commits.globalIndex(commit);
      for (long index = first; index < first + Commits.eventCount(commit); index++) {
        voids.add(Commits.voidAt(index));
      }
    }
    insertIgnoringDuplicates(voids);
    List<Document> retry = new ArrayList<>();
    for (Map.Entry<Long, Document> entry : byIndex.entrySet()) {
      Document commit = entry.getValue();
      if (!sealed.contains(entry.getKey())) {
        throw new EventStoreException(
            "Another writer appended to "
                + commit.getString(Commits.AGGREGATE)
                + " while its history was being loaded");
      }
      retry.add(commit);
    }
    return retry; // in index order, as they were
  }

  private void insertIgnoringDuplicates(List<Document> voids) {
    try {
      commits.insertMany(voids, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      if (!CommitAppender.isDuplicateKey(e)) {
        throw e;
      }
    }
  }
}
