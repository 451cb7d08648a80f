package com.onix.twofactor.eventstore;

import com.onix.twofactor.kernel.catalogue.EventType;
import java.util.function.Function;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * The first upcaster of every read: an event stored before events had stable names carries its
 * class name of then as its payload type; it reads as the stable name that class had, so every
 * later upcaster and handler sees one name per event type. The stored document is never rewritten
 * (the audit chain hashes its payload type as stored).
 */
final class ClassNamesStoredBefore extends SingleEventUpcaster {

  @Override
  protected boolean canUpcast(IntermediateEventRepresentation event) {
    String stored = event.getType().getName();
    return EventType.ofStored(stored).filter(type -> !type.storedName().equals(stored)).isPresent();
  }

  @Override
  protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
    EventType type = EventType.ofStored(event.getType().getName()).orElseThrow();
    return event.upcastPayload(
        new SimpleSerializedType(type.storedName(), event.getType().getRevision()),
        String.class,
        Function.identity());
  }
}
