package com.onix.twofactor.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts a store written by the Axon Mongo extension (collection {@code domainevents}, one
 * document per event) into the commit log, before the first command is accepted.
 *
 * <p>Events keep their identifiers, payloads, metadata, timestamps and sequence numbers, and take
 * global indexes in the old store's own order (time, then sequence number), except that no event
 * goes before an earlier event of its own aggregate, which writers with skewed clocks could
 * otherwise cause. The order is deterministic, so a migration that was interrupted is simply run
 * again: what it wrote the first time is skipped. The old collections are left as they were; the
 * operator drops them once satisfied. Old snapshots are not carried over: new ones are taken as
 * aggregates grow.
 */
public final class LegacyLayoutMigration {

  static final String LEGACY_EVENTS = "domainevents";
  private static final Logger LOG = LoggerFactory.getLogger(LegacyLayoutMigration.class);
  private static final int BATCH = 1000;

  private final EventLog log;
  private final StoreLayout layout;
  private final GlobalSequence sequence;

  public LegacyLayoutMigration(EventLog log) {
    this.log = log;
    this.layout = new StoreLayout(log);
    this.sequence = new GlobalSequence(log);
  }

  /**
   * Brings the store to the current layout: marks a new store ready, migrates an old one.
   *
   * @return how many events were migrated; 0 if there was nothing to do
   */
  public long run() {
    log.ensureIndexes();
    if (layout.ready()) {
      return 0;
    }
    MongoCollection<Document> legacy = log.database().getCollection(LEGACY_EVENTS);
    if (legacy.find().projection(new Document("_id", 1)).first() == null) {
      layout.mark("ready", "new store");
      return 0;
    }
    layout.mark("migrating", "from the Axon Mongo extension's " + LEGACY_EVENTS);
    LOG.info("Migrating the event store from the previous layout; this runs once");
    long migrated = copy(legacy);
    sequence.advanceTo(migrated);
    layout.mark("ready", "migrated " + migrated + " events from " + LEGACY_EVENTS);
    LOG.info("Migrated {} events to the commit log", migrated);
    return migrated;
  }

  private long copy(MongoCollection<Document> legacy) {
    Map<String, Long> nextSequence = new HashMap<>();
    Map<String, PriorityQueue<DomainEventData<?>>> early = new HashMap<>();
    List<Document> batch = new ArrayList<>(BATCH);
    long index = 0;
    Document order = new Document("timestamp", 1).append("sequenceNumber", 1).append("_id", 1);
    for (Document document : legacy.find().sort(order)) {
      DomainEventData<?> event = eventOf(document);
      String aggregate = event.getAggregateIdentifier();
      long expected = nextSequence.getOrDefault(aggregate, 0L);
      if (event.getSequenceNumber() > expected) {
        early
            .computeIfAbsent(
                aggregate,
                key ->
                    new PriorityQueue<>(
                        (a, b) -> Long.compare(a.getSequenceNumber(), b.getSequenceNumber())))
            .add(event);
        continue;
      }
      batch.add(Commits.migrated(index++, event));
      expected = event.getSequenceNumber() + 1;
      PriorityQueue<DomainEventData<?>> waiting = early.get(aggregate);
      while (waiting != null
          && !waiting.isEmpty()
          && waiting.peek().getSequenceNumber() == expected) {
        batch.add(Commits.migrated(index++, waiting.poll()));
        expected++;
      }
      nextSequence.put(aggregate, expected);
      if (batch.size() >= BATCH) {
        insert(batch);
      }
    }
    for (PriorityQueue<DomainEventData<?>> waiting : early.values()) {
      while (!waiting.isEmpty()) { // a stream with a hole in it: kept, in sequence order
        batch.add(Commits.migrated(index++, waiting.poll()));
      }
    }
    insert(batch);
    return index;
  }

  private void insert(List<Document> batch) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      log.commits().insertMany(batch, new InsertManyOptions().ordered(false));
    } catch (com.mongodb.MongoBulkWriteException e) {
      if (!CommitAppender.isDuplicateKey(e)) {
        throw e;
      }
    }
    batch.clear();
  }

  private static DomainEventData<?> eventOf(Document legacy) {
    return new GenericDomainEventEntry<>(
        legacy.getString("type"),
        legacy.getString("aggregateIdentifier"),
        ((Number) legacy.get("sequenceNumber")).longValue(),
        legacy.getString("eventIdentifier"),
        legacy.getString("timestamp"),
        legacy.getString("payloadType"),
        legacy.getString("payloadRevision"),
        text(legacy.get("serializedPayload")),
        text(legacy.get("serializedMetaData")));
  }

  /** The extension stores JSON as a string; a document, if a serializer produced one, as JSON. */
  private static String text(Object serialized) {
    return serialized instanceof Document document ? document.toJson() : (String) serialized;
  }
}
