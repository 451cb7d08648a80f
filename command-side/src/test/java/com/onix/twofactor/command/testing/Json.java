package com.onix.twofactor.command.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Request bodies, built so that a test never gets the JSON syntax wrong by accident. */
public final class Json {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Json() {}

  /** {@code Json.of("name", "Acme", "x", 1)}. */
  public static String of(Object... namesAndValues) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    try {
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
