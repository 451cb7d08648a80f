package com.onix.twofactor.query.audit.integrity;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.onix.twofactor.eventstore.CommitLogStorageEngine;
import com.onix.twofactor.eventstore.EventLog;
import com.onix.twofactor.query.audit.AuditTrail;
import com.onix.twofactor.query.audit.checkpoint.CheckpointConfiguration;
import com.onix.twofactor.query.audit.checkpoint.CheckpointKeys;
import com.onix.twofactor.query.audit.checkpoint.Checkpoints;
import com.onix.twofactor.query.view.ViewStore;
import com.onix.twofactor.support.store.EmbeddedStoreSocket;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * {@code ./onix verify-audit}: the operator's check of every organization's audit chain against the
 * store itself, with the services running or not (on the embedded store, the command side serves
 * it). A progress bar on stderr, one line per organization and a summary on stdout; exit status 0
 * when every chain holds, 1 on any mismatch, 2 when the store cannot be read.
 */
public final class VerifyAuditCommand {

  public static final String NAME = "verify-audit";
  private static final int BAR = 30;

  private VerifyAuditCommand() {}

  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    if (args.length > 1) {
      err.println(
          "usage: onix verify-audit   (the store from ONIX_MONGO_URI, or the embedded one)");
      return 2;
    }
    String uri = storeUri(env);
    String database = env.getOrDefault("ONIX_MONGO_DATABASE", "onix");
    MongoClientSettings settings =
        MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(uri))
            .applyToClusterSettings(c -> c.serverSelectionTimeout(10, TimeUnit.SECONDS))
            .build();
    try (MongoClient client = MongoClients.create(settings)) {
      MongoDatabase store = client.getDatabase(database);
      return verify(store, checkpointKeys(env), out, err);
    } catch (MongoException unreachable) {
      err.println(
          "\nThe store could not be read ("
              + unreachable.getClass().getSimpleName()
              + "). The embedded store is served by the command side: start it (./onix up), or"
              + " set ONIX_MONGO_URI.");
      return 2;
    }
  }

  static int verify(MongoDatabase database, CheckpointKeys keys, PrintStream out, PrintStream err) {
    JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    CommitLogStorageEngine store =
        CommitLogStorageEngine.builder()
            .eventLog(new EventLog(database))
            .eventSerializer(serializer)
            .snapshotSerializer(serializer)
            .build();
    AuditTrail trail = new AuditTrail(ViewStore.forReading(database));
    Checkpoints checkpoints =
        keys.any() ? new Checkpoints(database, trail, keys, Clock.systemUTC()) : null;
    ChainVerifier verifier = new ChainVerifier(store, trail, checkpoints);
    err.println(
        keys.any()
            ? "Verifying every organization's audit chain against the event store and its newest"
                + " signed checkpoint..."
            : "Verifying every organization's audit chain against the event store (no checkpoint"
                + " key found: checkpoints are not checked)...");
    int[] shown = {-1};
    long[] size = {0};
    Map<String, IntegrityReport> reports =
        verifier.verifyAll(
            (done, end) -> {
              size[0] = end;
              int percent = end == 0 ? 100 : (int) (100 * done / end);
              if (percent != shown[0]) {
                shown[0] = percent;
                bar(err, percent, done, end);
              }
            });
    if (shown[0] != 100) {
      bar(err, 100, size[0], size[0]); // every chain was settled before the end of the store
    }
    err.println();
    long events = 0;
    int mismatches = 0;
    for (Map.Entry<String, IntegrityReport> report : reports.entrySet()) {
      IntegrityReport result = report.getValue();
      events += result.checkedEvents();
      if (result.verified()) {
        out.printf(
            "%s  verified    %d events, head %s%n",
            report.getKey(), result.checkedEvents(), result.head().hash());
      } else {
        mismatches++;
        IntegrityReport.Mismatch mismatch = result.firstMismatch();
        out.printf(
            "%s  MISMATCH    at position %d (event %s): %s%n",
            report.getKey(), mismatch.position(), mismatch.eventId(), mismatch.why());
      }
    }
    if (mismatches == 0) {
      out.printf("%d organizations, %d events: every audit chain holds.%n", reports.size(), events);
      return 0;
    }
    out.printf(
        "%d of %d organizations do not match their audit chain (%d events checked).%n",
        mismatches, reports.size(), events);
    return 1;
  }

  private static void bar(PrintStream err, int percent, long done, long end) {
    int filled = BAR * percent / 100;
    err.printf(
        "\r  [%s%s] %3d%%  %d of %d store positions",
        "#".repeat(filled), ".".repeat(BAR - filled), percent, done, end);
  }

  private static CheckpointKeys checkpointKeys(Map<String, String> env) {
    Path dataDirectory = Path.of(env.getOrDefault("ONIX_DATA_DIR", "./data"));
    return CheckpointKeys.forChecking(
        CheckpointConfiguration.keyFile(env.get("ONIX_AUDIT_CHECKPOINT_KEY_FILE"), dataDirectory),
        CheckpointConfiguration.optional(env.get("ONIX_AUDIT_CHECKPOINT_RETIRED_KEYS")));
  }

  private static String storeUri(Map<String, String> env) {
    String uri = env.get("ONIX_MONGO_URI");
    if (uri != null && !uri.isBlank()) {
      return uri;
    }
    Path dataDirectory = Path.of(env.getOrDefault("ONIX_DATA_DIR", "./data"));
    return EmbeddedStoreSocket.connectionString(EmbeddedStoreSocket.in(dataDirectory));
  }
}
