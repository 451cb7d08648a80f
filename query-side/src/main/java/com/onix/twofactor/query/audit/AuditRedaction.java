package com.onix.twofactor.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.onix.twofactor.kernel.audit.Secret;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * An event's fields as the audit history shows them: everything but the fields marked {@link
 * Secret} (encrypted secrets, keyed hashes), which never leave the event store.
 */
@Component
public class AuditRedaction {

  private final ObjectMapper json;
  private final Map<Class<?>, Set<String>> secretFields = new ConcurrentHashMap<>();

  public AuditRedaction(ObjectMapper json) {
    this.json = json;
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> dataOf(Object payload) {
    Map<String, Object> data = new LinkedHashMap<>(json.convertValue(payload, Map.class));
    data.keySet().removeAll(secretFieldsOf(payload.getClass()));
    return data;
  }

  Set<String> secretFieldsOf(Class<?> type) {
    return secretFields.computeIfAbsent(type, AuditRedaction::findSecretFields);
  }

  private static Set<String> findSecretFields(Class<?> type) {
    if (!type.isRecord()) {
      return Set.of();
    }
    Set<String> names = new java.util.HashSet<>();
    for (RecordComponent component : type.getRecordComponents()) {
      if (component.isAnnotationPresent(Secret.class)) {
        names.add(component.getName());
      }
    }
    return Set.copyOf(names);
  }
}
