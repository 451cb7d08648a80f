package com.onix.twofactor.command.store;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A collection that must leave the embedded store for good (data keys, which a log-structured file
 * cannot forget): at start-up, before the store serves anyone, its documents are handed to {@code
 * receiver}, which keeps them elsewhere durably before it returns; then the collection is dropped
 * and the store's file rewritten from its live data, so no old copy remains in it.
 */
public record CollectionEviction(
    String database, String collection, Consumer<List<Map<String, Object>>> receiver) {}
