package com.onix.twofactor.eventstore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * How a commit is written as a document, and read back. A commit holds every event one unit of work
 * appended to one aggregate, so it is stored, or refused, as a whole: the store has no
 * transactions, and half a commit would leave an aggregate in a state its rules never allowed.
 *
 * <p>A void is a document that only takes a global index: it marks a reserved index that will never
 * hold events, so that readers stop waiting for it.
 */
final class Commits {

  static final String AGGREGATE = "aggregateIdentifier";
  static final String TYPE = "type";
  static final String FIRST_SEQUENCE = "firstSequenceNumber";
  static final String EVENTS = "events";

  private static final String EVENT_ID = "eventIdentifier";
  private static final String SEQUENCE = "sequenceNumber";
  private static final String TIMESTAMP = "timestamp";
  private static final String PAYLOAD_TYPE = "payloadType";
  private static final String PAYLOAD_REVISION = "payloadRevision";
  private static final String PAYLOAD = "payload";
  private static final String META_DATA = "metaData";

  private Commits() {}

  /** The key that makes two commits of the same aggregate version collide. */
  static String id(String aggregateIdentifier, long firstSequenceNumber) {
    return aggregateIdentifier + ":" + firstSequenceNumber;
  }

  /**
   * @param events the events of one aggregate, in sequence order, or one event of no aggregate
   */
  static Document commit(long globalIndex, List<? extends EventMessage<?>> events, Serializer s) {
    EventMessage<?> first = events.get(0);
    String aggregate = aggregateOf(first);
    long firstSequence = sequenceOf(first);
    List<Document> entries = new ArrayList<>(events.size());
    for (EventMessage<?> event : events) {
      entries.add(
          entry(
              event.getIdentifier(),
              sequenceOf(event),
              event.getTimestamp(),
              event.serializePayload(s, String.class),
              event.serializeMetaData(s, String.class)));
    }
    return new Document("_id", id(aggregate, firstSequence))
        .append(EventLog.GLOBAL_INDEX, globalIndex)
        .append(AGGREGATE, aggregate)
        .append(TYPE, first instanceof DomainEventMessage<?> d ? d.getType() : null)
        .append(FIRST_SEQUENCE, firstSequence)
        .append(EVENTS, entries);
  }

  /** A commit as it was stored by an earlier layout: one event, already serialized. */
  static Document migrated(long globalIndex, DomainEventData<?> event) {
    Document entry =
        entry(
            event.getEventIdentifier(),
            event.getSequenceNumber(),
            event.getTimestamp(),
            event.getPayload(),
            event.getMetaData());
    return new Document("_id", id(event.getAggregateIdentifier(), event.getSequenceNumber()))
        .append(EventLog.GLOBAL_INDEX, globalIndex)
        .append(AGGREGATE, event.getAggregateIdentifier())
        .append(TYPE, event.getType())
        .append(FIRST_SEQUENCE, event.getSequenceNumber())
        .append(EVENTS, List.of(entry));
  }

  private static Document entry(
      String eventId,
      long sequence,
      Instant timestamp,
      SerializedObject<?> payload,
      SerializedObject<?> metaData) {
    return new Document(EVENT_ID, eventId)
        .append(SEQUENCE, sequence)
        .append(TIMESTAMP, DateTimeUtils.formatInstant(timestamp))
        .append(PAYLOAD_TYPE, payload.getType().getName())
        .append(PAYLOAD_REVISION, payload.getType().getRevision())
        .append(PAYLOAD, payload.getData())
        .append(META_DATA, metaData.getData());
  }

  static Document voidAt(long globalIndex) {
    return new Document("_id", globalIndex).append(EventLog.GLOBAL_INDEX, globalIndex);
  }

  static boolean isVoid(Document document) {
    return !document.containsKey(EVENTS);
  }

  static long globalIndex(Document document) {
    return ((Number) document.get(EventLog.GLOBAL_INDEX)).longValue();
  }

  static long firstSequence(Document commit) {
    return ((Number) commit.get(FIRST_SEQUENCE)).longValue();
  }

  static int eventCount(Document document) {
    return isVoid(document) ? 1 : document.getList(EVENTS, Document.class).size();
  }

  /** The sequence number of the commit's last event. */
  static long lastSequence(Document commit) {
    return firstSequence(commit) + eventCount(commit) - 1;
  }

  static List<DomainEventData<String>> events(Document commit) {
    String aggregate = commit.getString(AGGREGATE);
    String type = commit.getString(TYPE);
    List<Document> entries = commit.getList(EVENTS, Document.class);
    List<DomainEventData<String>> events = new ArrayList<>(entries.size());
    for (Document entry : entries) {
      events.add(
          new GenericDomainEventEntry<>(
              type,
              aggregate,
              ((Number) entry.get(SEQUENCE)).longValue(),
              entry.getString(EVENT_ID),
              entry.getString(TIMESTAMP),
              entry.getString(PAYLOAD_TYPE),
              entry.getString(PAYLOAD_REVISION),
              entry.getString(PAYLOAD),
              entry.getString(META_DATA)));
    }
    return events;
  }

  /** The commit's events exactly as stored, each at its global index. */
  static List<StoredEvent> storedEvents(Document commit) {
    String aggregate = commit.getString(AGGREGATE);
    String type = commit.getString(TYPE);
    long index = globalIndex(commit);
    List<Document> entries = commit.getList(EVENTS, Document.class);
    List<StoredEvent> events = new ArrayList<>(entries.size());
    for (Document entry : entries) {
      events.add(
          new StoredEvent(
              index++,
              type,
              aggregate,
              ((Number) entry.get(SEQUENCE)).longValue(),
              entry.getString(EVENT_ID),
              entry.getString(TIMESTAMP),
              entry.getString(PAYLOAD_TYPE),
              entry.getString(PAYLOAD_REVISION),
              entry.getString(PAYLOAD),
              entry.getString(META_DATA)));
    }
    return events;
  }

  /** When the commit's first event happened; used only to find a position by time. */
  static String firstTimestamp(Document commit) {
    return commit.getList(EVENTS, Document.class).get(0).getString(TIMESTAMP);
  }

  /** An event that belongs to no aggregate is stored as the only event of a stream of its own. */
  static String aggregateOf(EventMessage<?> event) {
    return event instanceof DomainEventMessage<?> d && d.getAggregateIdentifier() != null
        ? d.getAggregateIdentifier()
        : event.getIdentifier();
  }

  static long sequenceOf(EventMessage<?> event) {
    return event instanceof DomainEventMessage<?> d && d.getAggregateIdentifier() != null
        ? d.getSequenceNumber()
        : 0;
  }

  /** A snapshot document, keyed by its aggregate: only the newest is kept. */
  static Document snapshot(DomainEventMessage<?> snapshot, Serializer s) {
    return entry(
            snapshot.getIdentifier(),
            snapshot.getSequenceNumber(),
            snapshot.getTimestamp(),
            snapshot.serializePayload(s, String.class),
            snapshot.serializeMetaData(s, String.class))
        .append("_id", snapshot.getAggregateIdentifier())
        .append(TYPE, snapshot.getType());
  }

  static long snapshotSequence(Document snapshot) {
    return ((Number) snapshot.get(SEQUENCE)).longValue();
  }

  static DomainEventData<String> snapshotData(Document snapshot) {
    return new GenericDomainEventEntry<>(
        snapshot.getString(TYPE),
        snapshot.getString("_id"),
        snapshotSequence(snapshot),
        snapshot.getString(EVENT_ID),
        snapshot.getString(TIMESTAMP),
        snapshot.getString(PAYLOAD_TYPE),
        snapshot.getString(PAYLOAD_REVISION),
        snapshot.getString(PAYLOAD),
        snapshot.getString(META_DATA));
  }
}
