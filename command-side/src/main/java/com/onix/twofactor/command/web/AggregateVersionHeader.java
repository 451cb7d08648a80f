package com.onix.twofactor.command.web;

import org.springframework.http.HttpHeaders;

/**
 * {@code Onix-Aggregate-Version: <aggregateId>:<version>}, which the query side takes back as
 * {@code minVersion} to read its own writes.
 */
public final class AggregateVersionHeader {

  public static final String NAME = "Onix-Aggregate-Version";

  private AggregateVersionHeader() {}

  public static HttpHeaders of(String aggregateId, long version) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(NAME, aggregateId + ":" + version);
    return headers;
  }
}
