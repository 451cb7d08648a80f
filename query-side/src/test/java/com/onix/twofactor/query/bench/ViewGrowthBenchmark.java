package com.onix.twofactor.query.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.onix.twofactor.query.audit.AuditFilter;
import com.onix.twofactor.query.audit.AuditReader;
import com.onix.twofactor.query.audit.AuditTrail;
import com.onix.twofactor.query.user.UserView;
import com.onix.twofactor.query.view.ViewStore;
import com.onix.twofactor.support.store.StoreSettings;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How the admin pages' reads grow with the store, on the embedded MongoDB-protocol server (which
 * answers only key lookups from an index): the users list and audit pages of one organization at
 * 1,000 users / 10,000 events, then again at 100,000 users / 1,000,000 events. Prints a table; it
 * asserts nothing about time. Run it with the README's benchmark command.
 */
@Tag("benchmark")
class ViewGrowthBenchmark {

  private static final String ORG = UUID.randomUUID().toString();
  private static final int SAMPLES = 200;

  private long users;
  private long events;
  private final List<String> userIds = new ArrayList<>();
  private final Map<String, Long> sequences = new java.util.HashMap<>();

  @Test
  void readsStayFlatAsTheStoreGrows() {
    MongoServer server = new MongoServer(new MemoryBackend());
    InetSocketAddress address = server.bind();
    try (MongoClient client =
        MongoClients.create(
            "mongodb://127.0.0.1:" + address.getPort() + "/?directConnection=true")) {
      MongoDatabase database = client.getDatabase("bench");
      ViewStore views = new ViewStore(database, new StoreSettings("mongodb://bench", "bench"));
      UserView userView = new UserView(views);
      AuditTrail trail = new AuditTrail(views);
      AuditReader reader = new AuditReader(trail);

      grow(database, 1_000, 10_000);
      Map<String, Double> small = measure(userView, reader);
      grow(database, 100_000, 1_000_000);
      Map<String, Double> large = measure(userView, reader);

      System.out.printf(
          "%n%-34s %14s %16s %7s%n",
          "read (median of " + SAMPLES + ")", "1k users/10k ev", "100k users/1M ev", "ratio");
      for (String read : small.keySet()) {
        System.out.printf(
            "%-34s %11.3f ms %13.3f ms %6.2fx%n",
            read, small.get(read), large.get(read), large.get(read) / small.get(read));
      }
    } finally {
      server.shutdownNow();
    }
  }

  private Map<String, Double> measure(UserView userView, AuditReader reader) {
    String someone = userIds.get(userIds.size() / 2);
    long middleUser = users / 2;
    long middleEvent = events / 2;
    Map<String, Double> medians = new LinkedHashMap<>();
    medians.put("users list, first page of 50", median(() -> userView.page(ORG, 0, 50).size()));
    medians.put(
        "users list, a page in the middle",
        median(() -> userView.page(ORG, middleUser, 50).size()));
    medians.put(
        "audit, first page of 100",
        median(() -> reader.page(ORG, 0, 100, AuditFilter.EVERYTHING).events().size()));
    medians.put(
        "audit, a page in the middle",
        median(() -> reader.page(ORG, middleEvent, 100, AuditFilter.EVERYTHING).events().size()));
    medians.put(
        "audit, one user's history",
        median(
            () ->
                reader
                    .page(ORG, 0, 100, new AuditFilter(someone, Set.of(), null, null))
                    .events()
                    .size()));
    medians.put(
        "audit, a one-minute window",
        median(
            () ->
                reader
                    .page(
                        ORG,
                        0,
                        100,
                        new AuditFilter(
                            null, Set.of(), instantOf(middleEvent), instantOf(middleEvent + 60)))
                    .events()
                    .size()));
    medians.put(
        "user by email", median(() -> userView.byEmail(emailOf(users / 3)).isPresent() ? 1 : 0));
    return medians;
  }

  private static double median(LongSupplier read) {
    for (int i = 0; i < 20; i++) {
      read.getAsLong();
    }
    double[] millis = new double[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      long start = System.nanoTime();
      read.getAsLong();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    return millis[SAMPLES / 2];
  }

  /** The views as the projections leave them, written directly: projecting would take hours. */
  private void grow(MongoDatabase database, long toUsers, long toEvents) {
    List<Document> batch = new ArrayList<>();
    List<Document> members = new ArrayList<>();
    List<Document> positions = new ArrayList<>();
    List<Document> emails = new ArrayList<>();
    while (users < toUsers) {
      users++;
      String userId = UUID.randomUUID().toString();
      userIds.add(userId);
      batch.add(
          new Document("_id", userId)
              .append("organizationId", ORG)
              .append("email", emailOf(users))
              .append("displayName", "User " + users)
              .append("signInMethod", "PASSWORD")
              .append("enrollment", "ACTIVE")
              .append("enrolledAt", new Date())
              .append("lastVerifiedAt", null)
              .append("accessCode", null)
              .append("lockedUntil", null)
              .append("position", users)
              .append("version", 1L));
      members.add(new Document("_id", ORG + ":" + users).append("userId", userId));
      positions.add(new Document("_id", userId).append("position", users));
      emails.add(new Document("_id", emailOf(users)).append("userId", userId));
      if (batch.size() == 10_000) {
        flushUsers(database, batch, members, positions, emails);
      }
    }
    flushUsers(database, batch, members, positions, emails);
    database
        .getCollection(ViewStore.MEMBER_COUNTERS)
        .replaceOne(
            new Document("_id", ORG),
            new Document("last", users),
            new com.mongodb.client.model.ReplaceOptions().upsert(true));
    database
        .getCollection(ViewStore.ORGANIZATIONS)
        .replaceOne(
            new Document("_id", ORG),
            new Document("required", true).append("version", 1L),
            new com.mongodb.client.model.ReplaceOptions().upsert(true));

    List<Document> audit = new ArrayList<>();
    while (events < toEvents) {
      events++;
      String userId = userIds.get((int) (events % userIds.size()));
      long sequence = sequences.merge(userId, 1L, Long::sum) - 1;
      audit.add(
          new Document("_id", ORG + ":" + events)
              .append("eventId", UUID.randomUUID().toString())
              .append("type", "SecondFactorVerified")
              .append("aggregateId", userId)
              .append("sequence", sequence)
              .append("occurredAt", Date.from(instantOf(events)))
              .append(
                  "actor",
                  new Document("id", "sign-in").append("roles", List.of("SIGN_IN_SERVICE")))
              .append("correlationId", UUID.randomUUID().toString())
              .append("data", new Document("userId", userId).append("method", "TOTP"))
              .append("position", events)
              .append("aggregateKey", userId + ":" + sequence));
      if (audit.size() == 10_000) {
        database.getCollection(ViewStore.AUDIT_EVENTS).insertMany(audit);
        audit.clear();
      }
    }
    if (!audit.isEmpty()) {
      database.getCollection(ViewStore.AUDIT_EVENTS).insertMany(audit);
    }
    database
        .getCollection(ViewStore.AUDIT_COUNTERS)
        .replaceOne(
            new Document("_id", ORG),
            new Document("last", events),
            new com.mongodb.client.model.ReplaceOptions().upsert(true));
  }

  private static void flushUsers(
      MongoDatabase database,
      List<Document> users,
      List<Document> members,
      List<Document> positions,
      List<Document> emails) {
    if (users.isEmpty()) {
      return;
    }
    database.getCollection(ViewStore.USERS).insertMany(users);
    database.getCollection(ViewStore.MEMBERS).insertMany(members);
    database.getCollection(ViewStore.MEMBER_POSITIONS).insertMany(positions);
    database.getCollection(ViewStore.USER_EMAILS).insertMany(emails);
    users.clear();
    members.clear();
    positions.clear();
    emails.clear();
  }

  private static String emailOf(long n) {
    return "user-" + n + "@bench.example";
  }

  /** One event a second, from a fixed start. */
  private static Instant instantOf(long event) {
    return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(event);
  }
}
