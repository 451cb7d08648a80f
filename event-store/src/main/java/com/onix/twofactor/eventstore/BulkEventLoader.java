package com.onix.twofactor.eventstore;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.util.ArrayList;
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
 * Appends whole histories of new aggregates to a live store in bulk, in the store's own layout: the
 * same commit documents the engine writes (one per unit of work), under indexes reserved from the
 * {@link GlobalSequence}, so the engine reads them back by key, tracking processors receive them in
 * global order, and writers and readers that run meanwhile are not disturbed. For seeding a store
 * with history (the benchmark); commands go through the engine.
 *
 * <p>How. Every commit is serialized before any index is taken. The commits are then written in
 * rounds: round {@code r} holds the {@code r}-th commit of every history that has one, in the order
 * the histories were given, so the histories interleave in the global order as concurrent users'
 * do. A round is written in inserts of at most {@code commitsPerInsert} commits: one reservation of
 * as many indexes as they hold events, then one unordered insert of them all, at once, so that
 * readers find the reserved indexes filled long before their gap timeout. An insert holds at most
 * one commit per aggregate and the next one starts only once it is stored, so an aggregate's
 * commits take indexes in their own order even when one has to be moved. A commit whose first index
 * a reader sealed meanwhile (a stalled loader) takes fresh indexes, as in {@link CommitAppender};
 * the indexes it did not use are voided at once.
 *
 * <p>The aggregates must be new: a history whose first commit is stored already is refused before
 * anything is written. Identifiers that nobody else uses (random UUIDs) keep other writers from
 * appending to a history while it is being loaded; if one does, its events stand and this load
 * fails. A loader holds no state between calls; threads may share one, each with histories of its
 * own.
 */
public final class BulkEventLoader {

  /** The most events one commit may hold: as for a unit of work. */
  public static final int MAX_COMMIT_EVENTS = CommitAppender.MAX_COMMIT_EVENTS;

  /** Commits per insert unless told otherwise: well under the gap timeout on a slow store. */
  public static final int DEFAULT_COMMITS_PER_INSERT = 500;

  private static final int ATTEMPTS = 10;

  /**
   * One new aggregate's history: its commits in order, each the events one unit of work would have
   * appended, all of one aggregate and type, with sequence numbers 0, 1, 2, ... across them.
   */
  public record History(List<List<? extends DomainEventMessage<?>>> commits) {

    public History {
      commits = List.copyOf(commits);
    }

    /** A history of one event per commit. */
    public static History ofEvents(List<? extends DomainEventMessage<?>> events) {
      List<List<? extends DomainEventMessage<?>>> commits = new ArrayList<>(events.size());
      for (DomainEventMessage<?> event : events) {
        commits.add(List.of(event));
      }
      return new History(commits);
    }

    public int eventCount() {
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

  private final MongoCollection<Document> commits;
  private final StoreLayout layout;
  private final GlobalSequence sequence;
  private final Serializer serializer;
  private final int commitsPerInsert;

  /**
   * @param serializer the event serializer the services read with
   */
  public BulkEventLoader(EventLog log, Serializer serializer) {
    this(log, serializer, DEFAULT_COMMITS_PER_INSERT);
  }

  public BulkEventLoader(EventLog log, Serializer serializer, int commitsPerInsert) {
    if (commitsPerInsert < 1) {
      throw new IllegalArgumentException("commitsPerInsert must be positive");
    }
    this.commits = log.commits();
    this.layout = new StoreLayout(log);
    this.sequence = new GlobalSequence(log);
    this.serializer = EventNameSerializer.around(Objects.requireNonNull(serializer));
    this.commitsPerInsert = commitsPerInsert;
  }

  /**
   * Appends the histories, and returns once all their events are stored.
   *
   * @return how many events were appended
   * @throws IllegalArgumentException if a history is malformed or its aggregate exists already;
   *     nothing is written then
   * @throws IllegalStateException if the store is not in the current layout (a migration has not
   *     run or is running)
   * @throws EventStoreException if another writer appended to one of the aggregates meanwhile, or
   *     no indexes could be taken; what was stored before stays
   */
  public long append(List<History> histories) {
    if (histories.isEmpty()) {
      return 0;
    }
    if (!layout.ready()) {
      throw new IllegalStateException(
          "The event store is not in the current layout yet: start the command side on it first");
    }
    histories.forEach(BulkEventLoader::validate);
    requireNew(histories);
    List<List<Document>> serialized = new ArrayList<>(histories.size());
    int rounds = 0;
    for (History history : histories) {
      List<Document> documents = new ArrayList<>(history.commits().size());
      for (List<? extends DomainEventMessage<?>> commit : history.commits()) {
        documents.add(Commits.commit(-1, commit, serializer));
      }
      serialized.add(documents);
      rounds = Math.max(rounds, documents.size());
    }
    long appended = 0;
    List<Document> insert = new ArrayList<>(commitsPerInsert);
    for (int round = 0; round < rounds; round++) {
      for (List<Document> documents : serialized) {
        if (round < documents.size()) {
          insert.add(documents.get(round));
          if (insert.size() == commitsPerInsert) {
            appended += write(insert);
            insert.clear();
          }
        }
      }
      if (!insert.isEmpty()) { // the next round may hold the same aggregates again
        appended += write(insert);
        insert.clear();
      }
    }
    return appended;
  }

  private static void validate(History history) {
    if (history.commits().isEmpty()) {
      throw new IllegalArgumentException("A history needs at least one commit");
    }
    DomainEventMessage<?> first =
        history.commits().get(0).isEmpty() ? null : history.commits().get(0).get(0);
    String aggregate = first == null ? null : first.getAggregateIdentifier();
    if (aggregate == null) {
      throw new IllegalArgumentException("A history's first commit needs an aggregate's event");
    }
    String type = first.getType();
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
        if (!aggregate.equals(event.getAggregateIdentifier())
            || !Objects.equals(type, event.getType())) {
          throw new IllegalArgumentException(
              "The history of "
                  + aggregate
                  + " holds an event of "
                  + event.getAggregateIdentifier()
                  + " ("
                  + event.getType()
                  + ")");
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

  /** One key lookup per thousand histories: none of their first commits may be stored. */
  private void requireNew(List<History> histories) {
    Set<String> keys = new HashSet<>();
    for (History history : histories) {
      if (!keys.add(Commits.id(history.aggregateIdentifier(), 0))) {
        throw new IllegalArgumentException(
            "Two histories of aggregate " + history.aggregateIdentifier());
      }
    }
    List<String> all = new ArrayList<>(keys);
    for (int from = 0; from < all.size(); from += 1000) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + 1000));
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
