package com.onix.twofactor.query.audit.integrity;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.onix.twofactor.eventstore.StoredEvent;
import com.onix.twofactor.kernel.audit.OrganizationScoped;
import com.onix.twofactor.kernel.catalogue.EventType;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whose history a stored event belongs to, read from its stored text as the projection reads it
 * from the event: the {@code organizationId} of a payload of an {@link OrganizationScoped} type
 * (named by its stable name, or by the class name stored before).
 */
final class StoredOrganization {

  private static final JsonFactory JSON = new JsonFactory();
  private static final Map<String, Boolean> SCOPED = new ConcurrentHashMap<>();

  private StoredOrganization() {}

  /** The organization, or null for an event of none (or a payload that does not read). */
  static String of(StoredEvent event) {
    if (event.payloadType() == null
        || event.payload() == null
        || !SCOPED.computeIfAbsent(event.payloadType(), StoredOrganization::scoped)) {
      return null;
    }
    try (JsonParser parser = JSON.createParser(event.payload())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("organizationId".equals(name)) {
          return value == JsonToken.VALUE_STRING ? parser.getText() : null;
        }
        parser.skipChildren();
      }
      return null;
    } catch (IOException unreadable) {
      return null;
    }
  }

  private static boolean scoped(String payloadType) {
    return EventType.ofStored(payloadType)
        .map(type -> OrganizationScoped.class.isAssignableFrom(type.type()))
        .orElse(false);
  }
}
