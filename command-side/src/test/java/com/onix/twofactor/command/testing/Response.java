package com.onix.twofactor.command.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;

public record Response(int status, HttpHeaders headers, String body) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public String header(String name) {
    return headers.firstValue(name).orElse(null);
  }

  public String contentType() {
    return header("Content-Type");
  }

  public JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + this, e);
    }
  }

  @Override
  public String toString() {
    return status + " " + contentType() + " " + body;
  }
}
