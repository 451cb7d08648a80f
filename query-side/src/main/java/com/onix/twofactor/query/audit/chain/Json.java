package com.onix.twofactor.query.audit.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Plain JSON text of a map of strings, numbers and nulls, before canonicalization. */
final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static String write(Map<String, Object> members) {
    try {
      return MAPPER.writeValueAsString(members);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("A chain record is always JSON", e);
    }
  }
}
