package com.onix.twofactor.query.view;

import org.bson.Document;

/**
 * Applies an event to a view document at most once: each document remembers the sequence number of
 * the last event of its aggregate it took, and older or equal ones are skipped. That makes a replay
 * after a lost token harmless.
 */
public final class Versioned {

  public static final String VERSION = "version";

  private Versioned() {}

  /** The version a view document has applied. */
  public static long versionOf(Document document) {
    return document.get(VERSION, Number.class).longValue();
  }
}
