package com.onix.twofactor.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/** Small payloads, events made of them, and engines over a test's store. */
final class Events {

  record Opened(String owner) {}

  record Deposited(long amount, Instant bookedAt) {}

  record Closed(String reason) {}

  static final String TYPE = "Account";

  /** Millisecond precision: what the store keeps of a timestamp, as Axon's own engines do. */
  static final Instant T0 = Instant.parse("2026-03-01T09:00:00.000Z");

  static final Serializer JSON =
      JacksonSerializer.builder()
          .objectMapper(
              new ObjectMapper()
                  .registerModule(new JavaTimeModule())
                  .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS))
          .build();

  private Events() {}

  static DomainEventMessage<?> event(String aggregate, long sequence, Object payload) {
    return new GenericDomainEventMessage<>(
        TYPE,
        aggregate,
        sequence,
        payload,
        Map.of("actorId", "admin-1", "correlationId", aggregate + "/" + sequence),
        UUID.randomUUID().toString(),
        T0.plusMillis(sequence * 7));
  }

  static DomainEventMessage<?> eventAt(String aggregate, long sequence, Instant timestamp) {
    return new GenericDomainEventMessage<>(
        TYPE,
        aggregate,
        sequence,
        new Deposited(sequence, timestamp),
        Map.of(),
        UUID.randomUUID().toString(),
        timestamp);
  }

  static DomainEventMessage<?> deposit(String aggregate, long sequence) {
    return event(aggregate, sequence, new Deposited(sequence * 10, T0.plusSeconds(sequence)));
  }

  /**
   * The events one unit of work appends to one aggregate: {@code count} deposits from {@code
   * first}.
   */
  static List<DomainEventMessage<?>> commit(String aggregate, long first, int count) {
    List<DomainEventMessage<?>> events = new ArrayList<>(count);
    for (long sequence = first; sequence < first + count; sequence++) {
      events.add(deposit(aggregate, sequence));
    }
    return events;
  }

  static CommitLogStorageEngine.Builder engine(EventLog log) {
    return CommitLogStorageEngine.builder()
        .eventLog(log)
        .eventSerializer(JSON)
        .snapshotSerializer(SnapshotSerializer.create());
  }

  /** An engine whose gap timeout only passes when the test moves {@code clock} on. */
  static CommitLogStorageEngine engine(EventLog log, AtomicLong clock, Duration gapTimeout) {
    return engine(log).gapTimeout(gapTimeout).nanoTime(clock::get).build();
  }

  static List<DomainEventMessage<?>> stream(DomainEventStream events) {
    return events.asStream().collect(Collectors.toList());
  }

  static List<TrackedEventMessage<?>> track(CommitLogStorageEngine engine, TrackingToken from) {
    try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(from, false)) {
      return events.collect(Collectors.toList());
    }
  }

  static long index(TrackedEventMessage<?> event) {
    return ((GlobalSequenceTrackingToken) event.trackingToken()).getGlobalIndex();
  }

  static List<Long> indexes(List<TrackedEventMessage<?>> events) {
    return events.stream().map(Events::index).collect(Collectors.toList());
  }

  static List<String> identifiers(List<? extends org.axonframework.messaging.Message<?>> events) {
    return events.stream()
        .map(org.axonframework.messaging.Message::getIdentifier)
        .collect(Collectors.toList());
  }

  static List<Object> payloads(List<? extends org.axonframework.messaging.Message<?>> events) {
    return events.stream().map(e -> (Object) e.getPayload()).collect(Collectors.toList());
  }

  static TrackingToken at(long globalIndex) {
    return new GlobalSequenceTrackingToken(globalIndex);
  }
}
