package com.onix.twofactor.eventstore;

import com.onix.twofactor.kernel.catalogue.EventType;
import java.util.Optional;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

/**
 * Names the contract's events by their stable names ({@link EventType#storedName()}) instead of
 * their class names, around the serializer that writes their fields. Anything else (metadata,
 * payloads of no contract type) keeps the inner serializer's name. Reading also accepts the class
 * names stores held before, so a read that bypasses the upcasters gets the same classes.
 */
final class EventNameSerializer implements Serializer {

  private final Serializer fields;

  private EventNameSerializer(Serializer fields) {
    this.fields = fields;
  }

  /** The serializer that names events stably; one that already does is returned as it is. */
  static Serializer around(Serializer fields) {
    return fields instanceof EventNameSerializer named ? named : new EventNameSerializer(fields);
  }

  @Override
  public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
    SerializedObject<T> serialized = fields.serialize(object, expectedRepresentation);
    return object == null
        ? serialized
        : EventType.of(object.getClass())
            .<SerializedObject<T>>map(
                type ->
                    new SimpleSerializedObject<>(
                        serialized.getData(),
                        serialized.getContentType(),
                        type.storedName(),
                        serialized.getType().getRevision()))
            .orElse(serialized);
  }

  @Override
  public <S, T> T deserialize(SerializedObject<S> serialized) {
    Optional<EventType> type = EventType.ofStored(serialized.getType().getName());
    if (type.isEmpty()) {
      return fields.deserialize(serialized);
    }
    return fields.deserialize(
        new SimpleSerializedObject<>(
            serialized.getData(),
            serialized.getContentType(),
            type.get().type().getName(),
            serialized.getType().getRevision()));
  }

  @Override
  public Class classForType(SerializedType type) {
    return EventType.ofStored(type.getName())
        .<Class>map(EventType::type)
        .orElseGet(() -> fields.classForType(type));
  }

  @Override
  public SerializedType typeForClass(Class type) {
    SerializedType inner = fields.typeForClass(type);
    return EventType.of(type)
        .<SerializedType>map(t -> new SimpleSerializedType(t.storedName(), inner.getRevision()))
        .orElse(inner);
  }

  @Override
  public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
    return fields.canSerializeTo(expectedRepresentation);
  }

  @Override
  public Converter getConverter() {
    return fields.getConverter();
  }
}
