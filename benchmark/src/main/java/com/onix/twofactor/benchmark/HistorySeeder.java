package com.onix.twofactor.benchmark;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
   * What a seeder may use: the API, who the population is, and where the store is (the embedded
   * store's Unix domain socket under {@code ONIX_DATA_DIR}, else {@code ONIX_MONGO_URI}).
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
        // As the services connect to it: its socket in the data directory, one server.
        String socket =
            Path.of(env.getOrDefault("ONIX_DATA_DIR", "data"))
                .toAbsolutePath()
                .resolve("store-socket/store.sock")
                .toString();
        uri =
            "mongodb://"
                + URLEncoder.encode(socket, StandardCharsets.UTF_8).replace("+", "%20")
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
