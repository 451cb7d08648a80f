package com.onix.twofactor.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * Axon's storage engine over the {@link EventLog}: aggregates are read by key, tracking processors
 * read by global index, and both cost what they return, not what the store holds. Tokens are {@link
 * GlobalSequenceTrackingToken}s: a position in the {@link GlobalSequence}, not a time.
 */
public class CommitLogStorageEngine extends BatchingEventStorageEngine {

  private final EventLog log;
  private final StoreLayout layout;
  private final GlobalSequence sequence;
  private final AggregateStreams streams;
  private final CommitAppender appender;
  private final TrackingReader tracking;
  private final RecentlyRead recentlyRead = new RecentlyRead();
  private final LogScan scan;
  private final EventStoreMetrics metrics;

  private CommitLogStorageEngine(Builder builder) {
    super(builder);
    this.log = builder.log;
    this.layout = new StoreLayout(log);
    this.sequence = new GlobalSequence(log);
    this.streams = new AggregateStreams(log);
    this.appender = new CommitAppender(log, sequence);
    this.tracking =
        new TrackingReader(log, sequence, builder.gapTimeout, builder.nanoTime, recentlyRead);
    this.scan = new LogScan(log);
    this.metrics = builder.metrics;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether anything was appended to the aggregate after {@code version}: one key lookup. */
  public boolean hasEventsAfter(String aggregateIdentifier, long version) {
    return streams.hasEventsAfter(aggregateIdentifier, version);
  }

  /**
   * The stored form of an event a tracking reader of this engine delivered lately: what a
   * projection handling that event finds here without asking the store again.
   */
  public Optional<StoredEvent> recentlyRead(String eventId) {
    return recentlyRead.find(eventId);
  }

  /** The stored form of one event of an aggregate, read by key. */
  public Optional<StoredEvent> storedEvent(String aggregateIdentifier, long sequenceNumber) {
    for (Document commit : streams.commitsFrom(aggregateIdentifier, sequenceNumber, 1)) {
      for (StoredEvent event : Commits.storedEvents(commit)) {
        if (event.sequence() == sequenceNumber) {
          return Optional.of(event);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Visits every event stored, in global order, as stored: what a check of the log against a record
   * of it (the audit chain) reads. Indexes reserved after the walk starts are not visited.
   */
  public void scanStoredEvents(StoredEventVisitor visitor) {
    scan.run(sequence.nextUnreserved(), visitor);
  }

  /**
   * The global index of the newest event stored, or -1: the head without the voids and the
   * reservations still being written above it.
   */
  public long lastEventIndex() {
    for (long index = sequence.nextUnreserved() - 1; index >= 0; index--) {
      Document document = log.commits().find(new Document(EventLog.GLOBAL_INDEX, index)).first();
      if (document != null && !Commits.isVoid(document)) {
        return index + Commits.eventCount(document) - 1;
      }
    }
    return -1;
  }

  @Override
  protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
    if (events.isEmpty()) {
      return;
    }
    long started = System.nanoTime();
    try {
      appender.append(events, serializer);
    } catch (CommitAppender.VersionTaken conflict) {
      metrics.conflict();
      handlePersistenceException((Exception) conflict.getCause(), conflict.firstEvent);
    }
    metrics.appended(events.size(), System.nanoTime() - started);
  }

  @Override
  protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
    MongoCollection<Document> snapshots = log.snapshots();
    Document key = new Document("_id", snapshot.getAggregateIdentifier());
    Document current = snapshots.find(key).projection(new Document("sequenceNumber", 1)).first();
    if (current != null && Commits.snapshotSequence(current) >= snapshot.getSequenceNumber()) {
      return; // a newer one is there already
    }
    snapshots.replaceOne(
        key, Commits.snapshot(snapshot, serializer), new ReplaceOptions().upsert(true));
  }

  @Override
  protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
    Document snapshot = log.snapshots().find(new Document("_id", aggregateIdentifier)).first();
    return snapshot == null ? Stream.empty() : Stream.of(Commits.snapshotData(snapshot));
  }

  @Override
  protected List<? extends DomainEventData<?>> fetchDomainEvents(
      String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
    List<DomainEventData<String>> events = new ArrayList<>();
    for (Document commit :
        streams.commitsFrom(aggregateIdentifier, firstSequenceNumber, batchSize)) {
      for (DomainEventData<String> event : Commits.events(commit)) {
        if (event.getSequenceNumber() >= firstSequenceNumber) {
          events.add(event);
        }
      }
    }
    return events;
  }

  @Override
  protected List<? extends TrackedEventData<?>> fetchTrackedEvents(
      TrackingToken lastToken, int batchSize) {
    if (!layout.ready()) {
      return List.of(); // an older store being migrated: nothing to read until it is done
    }
    return tracking.after(indexOf(lastToken), batchSize);
  }

  @Override
  public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
    Document snapshot =
        log.snapshots()
            .find(new Document("_id", aggregateIdentifier))
            .projection(new Document("sequenceNumber", 1))
            .first();
    long from = snapshot == null ? 0 : Commits.snapshotSequence(snapshot) + 1;
    List<Document> commits = streams.commitsFrom(aggregateIdentifier, from, Integer.MAX_VALUE);
    if (!commits.isEmpty()) {
      return Optional.of(Commits.lastSequence(commits.get(commits.size() - 1)));
    }
    return snapshot == null ? Optional.empty() : Optional.of(from - 1);
  }

  @Override
  public TrackingToken createTailToken() {
    return null;
  }

  @Override
  public TrackingToken createHeadToken() {
    long next = sequence.nextUnreserved();
    return next == 0 ? null : new GlobalSequenceTrackingToken(next - 1);
  }

  /**
   * The position before the first event stored at or after {@code dateTime}. Found by bisecting the
   * global order by event time, so it is exact only as far as writers' clocks agree.
   */
  @Override
  public TrackingToken createTokenAt(Instant dateTime) {
    long low = 0;
    long high = sequence.nextUnreserved();
    while (low < high) {
      long middle = (low + high) >>> 1;
      Document commit = firstCommitFrom(middle, high);
      if (commit == null || !happenedBefore(commit, dateTime)) {
        high = middle;
      } else {
        low = Commits.globalIndex(commit) + Commits.eventCount(commit);
      }
    }
    return low == 0 ? null : new GlobalSequenceTrackingToken(low - 1);
  }

  private Document firstCommitFrom(long from, long end) {
    for (long index = from; index < end; index++) {
      Document document = log.commits().find(new Document(EventLog.GLOBAL_INDEX, index)).first();
      if (document != null && !Commits.isVoid(document)) {
        return document;
      }
    }
    return null;
  }

  private static boolean happenedBefore(Document commit, Instant dateTime) {
    return DateTimeUtils.parseInstant(Commits.firstTimestamp(commit)).isBefore(dateTime);
  }

  private static long indexOf(TrackingToken token) {
    if (token == null) {
      return -1;
    }
    if (token instanceof GlobalSequenceTrackingToken global) {
      return global.getGlobalIndex();
    }
    throw new IllegalArgumentException(
        "A "
            + token.getClass().getSimpleName()
            + " is not a position in this event store; reset the processor's tokens");
  }

  public static final class Builder extends BatchingEventStorageEngine.Builder {

    private EventLog log;
    private Duration gapTimeout = Duration.ofSeconds(1);
    private LongSupplier nanoTime = System::nanoTime;
    private EventStoreMetrics metrics = EventStoreMetrics.unobserved();

    private org.axonframework.serialization.upcasting.event.EventUpcaster upcasters =
        org.axonframework.serialization.upcasting.event.NoOpEventUpcaster.INSTANCE;

    public Builder eventLog(EventLog log) {
      this.log = log;
      return this;
    }

    /** How long a reserved, missing index is waited for before readers seal it. */
    public Builder gapTimeout(Duration gapTimeout) {
      this.gapTimeout = gapTimeout;
      return this;
    }

    public Builder metrics(EventStoreMetrics metrics) {
      this.metrics = metrics;
      return this;
    }

    Builder nanoTime(LongSupplier nanoTime) {
      this.nanoTime = nanoTime;
      return this;
    }

    @Override
    public Builder snapshotSerializer(Serializer snapshotSerializer) {
      super.snapshotSerializer(snapshotSerializer);
      return this;
    }

    /** Whatever serializer is given, the contract's events are stored under stable names. */
    @Override
    public Builder eventSerializer(Serializer eventSerializer) {
      super.eventSerializer(EventNameSerializer.around(eventSerializer));
      return this;
    }

    /** Runs after {@link ClassNamesStoredBefore}, so it sees only stable names. */
    @Override
    public Builder upcasterChain(
        org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
      this.upcasters = upcasterChain;
      return this;
    }

    public CommitLogStorageEngine build() {
      persistenceExceptionResolver(CommitAppender::isDuplicateKey);
      super.upcasterChain(
          new org.axonframework.serialization.upcasting.event.EventUpcasterChain(
              new ClassNamesStoredBefore(), upcasters));
      validate();
      if (log == null) {
        throw new org.axonframework.common.AxonConfigurationException("The event log is required");
      }
      return new CommitLogStorageEngine(this);
    }
  }
}
