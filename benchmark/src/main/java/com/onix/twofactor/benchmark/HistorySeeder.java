package com.onix.twofactor.benchmark;

import java.util.Map;

/**
 * Grows the event store for the growth measurements, which compare verification, requirements and
 * audit-page latency at the store size the population left with the same at {@code
 * --growth-events}.
 *
 * <p>Contract: {@link #seed} adds events until the store holds at least {@code targetEvents} and
 * returns once they are stored. They must be events the services themselves could have written (the
 * query side projects them, and the audit history shows them), of the population's organizations or
 * of new ones. The harness then waits until {@code /admin/projections} reports the views caught up,
 * and measures again.
 */
interface HistorySeeder {

  String name();

  void seed(long targetEvents, Context context) throws Exception;

  /**
   * What a seeder may use: the API, who the population is, and where the store is ({@code
   * mongodb://127.0.0.1:<embedded port>/?directConnection=true} on the embedded store, else {@code
   * ONIX_MONGO_URI}).
   */
  record Context(
      Api api,
      Population population,
      StoreStatus status,
      String mongoUri,
      String database,
      int connections,
      Progress progress) {

    static Context of(
        Api api,
        Population population,
        StoreStatus status,
        Map<String, String> env,
        int connections,
        Progress progress) {
      String uri = env.getOrDefault("ONIX_MONGO_URI", "");
      if (uri.isBlank()) {
        // As the services connect to it: one server, no replica set to discover.
        uri =
            "mongodb://127.0.0.1:"
                + env.getOrDefault("ONIX_EMBEDDED_STORE_PORT", "27018")
                + "/?directConnection=true";
      }
      return new Context(
          api,
          population,
          status,
          uri,
          env.getOrDefault("ONIX_MONGO_DATABASE", "onix"),
          connections,
          progress);
    }
  }
}
