package com.onix.twofactor.eventstore;

/**
 * One event exactly as the store holds it: the serialized payload and metadata text, the timestamp
 * text, and where it sits, in its aggregate and in the global order. What the audit chain hashes,
 * so that a change to any of it, however made, shows.
 *
 * @param aggregateType null for an event of no aggregate
 * @param payloadRevision null when the payload type has none
 */
public record StoredEvent(
    long globalIndex,
    String aggregateType,
    String aggregateId,
    long sequence,
    String eventId,
    String timestamp,
    String payloadType,
    String payloadRevision,
    String payload,
    String metaData) {}
