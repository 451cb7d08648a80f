package com.onix.twofactor.eventstore;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The stored form of the events tracking readers delivered last, by event id: what a projection
 * needs of the stored event beside the deserialized message (its text, before any upcaster),
 * without asking the store again. Bounded: it holds a few processor batches.
 */
final class RecentlyRead {

  private static final int CAPACITY = 4096;

  private final Map<String, StoredEvent> events =
      new LinkedHashMap<>(CAPACITY * 2, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, StoredEvent> eldest) {
          return size() > CAPACITY;
        }
      };

  synchronized void remember(StoredEvent event) {
    events.put(event.eventId(), event);
  }

  synchronized Optional<StoredEvent> find(String eventId) {
    return Optional.ofNullable(events.get(eventId));
  }
}
