package com.onix.twofactor.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NDJSON export streams: an organization's 200,000-event history goes out through a query side
 * whose heap could not hold a tenth of it at once.
 */
class AuditExportMemoryTest {

  private static final int EVENTS = 200_000;
  private static final String SMALL_HEAP = "-Xmx64m";

  @TempDir Path dataDirectory;

  @Test
  void aLongHistoryStreamsThroughASmallHeap() throws Exception {
    OnixInstallation onix = new OnixInstallation(dataDirectory);
    String org = UUID.randomUUID().toString();
    // The query side against a MongoDB of the test's own (in memory, for a quick fill).
    MongoServer mongo = new MongoServer(new MemoryBackend());
    InetSocketAddress store = mongo.bind();
    String uri = "mongodb://127.0.0.1:" + store.getPort() + "/?directConnection=true";
    try (ServiceProcess queries = onix.startQuerySide(uri, SMALL_HEAP)) {
      writeHistory(uri, org);
      String auditor = onix.token("--role", "AUDITOR", "--org", org);
      HttpResponse<java.io.InputStream> export =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(queries.uri("/organizations/" + org + "/audit-events"))
                      .header("Authorization", "Bearer " + auditor)
                      .header("Accept", "application/x-ndjson")
                      .build(),
                  HttpResponse.BodyHandlers.ofInputStream());
      assertThat(export.statusCode()).isEqualTo(200);
      long lines = 0;
      String last = null;
      try (BufferedReader body =
          new BufferedReader(new InputStreamReader(export.body(), StandardCharsets.UTF_8))) {
        for (String line = body.readLine(); line != null; line = body.readLine()) {
          lines++;
          last = line;
        }
      }
      assertThat(lines).isEqualTo(EVENTS);
      assertThat(Api.JSON.readTree(last).get("sequence").asLong()).isEqualTo(EVENTS - 1);
      assertThat(queries.log()).doesNotContain("OutOfMemoryError");
    } finally {
      mongo.shutdownNow();
    }
  }

  /**
   * The views as the projections would have left them after that many events of one user: written
   * directly, since projecting them would take most of the test's time.
   */
  private static void writeHistory(String uri, String org) {
    String user = UUID.randomUUID().toString();
    try (MongoClient client = MongoClients.create(uri)) {
      var database = client.getDatabase("onix");
      Instant start = Instant.parse("2026-01-01T00:00:00Z");
      database
          .getCollection("view_organizations")
          .insertOne(
              new Document("_id", org)
                  .append("required", true)
                  .append("changedAt", Date.from(start))
                  .append("changedBy", "admin")
                  .append("version", 0L));
      MongoCollection<Document> audit = database.getCollection("view_audit_events");
      List<Document> batch = new ArrayList<>();
      for (int i = 1; i <= EVENTS; i++) {
        batch.add(
            new Document("_id", org + ":" + i)
                .append("eventId", UUID.randomUUID().toString())
                .append("type", "SecondFactorVerified")
                .append("aggregateId", user)
                .append("sequence", (long) (i - 1))
                .append("occurredAt", Date.from(start.plusSeconds(i)))
                .append(
                    "actor",
                    new Document("id", "sign-in-page").append("roles", List.of("SIGN_IN_SERVICE")))
                .append("correlationId", UUID.randomUUID().toString())
                .append(
                    "data",
                    new Document("userId", user)
                        .append("organizationId", org)
                        .append("method", "TOTP")
                        .append("timeStep", 59_000_000L + i))
                .append("position", (long) i)
                .append("aggregateKey", user + ":" + (i - 1)));
        if (batch.size() == 5_000) {
          audit.insertMany(batch);
          batch.clear();
        }
      }
      database
          .getCollection("view_audit_counters")
          .insertOne(new Document("_id", org).append("last", (long) EVENTS));
      // The organization's own first event, as its audit version: what the history knows it by.
      database
          .getCollection("view_audit_versions")
          .insertOne(new Document("_id", org).append("version", 0L).append("organizationId", org));
    }
  }
}
