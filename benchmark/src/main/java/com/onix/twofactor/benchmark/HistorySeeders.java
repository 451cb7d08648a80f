package com.onix.twofactor.benchmark;

/** Which seeder grows the store: {@code auto} takes the API for small additions only. */
final class HistorySeeders {

  static final long HTTP_LIMIT = 50_000;

  private HistorySeeders() {}

  static HistorySeeder choose(String name, long storedEvents, long targetEvents) {
    return switch (name) {
      case "http" -> new HttpHistorySeeder();
      case "bulk" -> new BulkHistorySeeder();
      default ->
          targetEvents - storedEvents <= HTTP_LIMIT
              ? new HttpHistorySeeder()
              : new BulkHistorySeeder();
    };
  }
}
