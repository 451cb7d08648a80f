package com.onix.twofactor.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import com.onix.twofactor.benchmark.SeededHistories.Actor;
import com.onix.twofactor.benchmark.SeededHistories.Batch;
import com.onix.twofactor.benchmark.SeededHistories.Seeded;
import com.onix.twofactor.eventstore.EventLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;

/**
 * The growth to 1,000,000 events: too many for the API in a benchmark run, so they are written
 * straight into the live event store at {@code context.mongoUri()} / {@code context.database()},
 * with {@link BulkEventLoader} (through the event store's bulk entry point), while both services
 * run.
 *
 * <p>What: new users in the population's organizations (emails {@code seeded-<run tag>-<n>@<the
 * organization's bench domain>}; 75 % of them enroll with TOTP, 15 % use a password only, 10 %
 * Entra ID, as in the population), each with a history of about 18 events that the command side
 * could have written for them (see {@link SeededHistories}): the services' own event types from the
 * shared kernel, aggregate type {@code UserTwoFactor}, the audit metadata of the organization's
 * admin or of the sign-in page on every event, serialized as the services serialize events (Axon's
 * Jackson serializer over Spring Boot's defaults: ISO-8601 instants). Each user's history is one
 * commit document. Each email's claim goes into the command side's {@code email_claims} before the
 * user's events, as a registration puts it there, so the email stays taken.
 *
 * <p>How: two workers, each generating 500 users' histories (about 9,000 events) and loading them
 * at once, 100 users an insert, until the store holds {@code targetEvents}, counted from {@code
 * context.status()} at the start. At the end one seeded user is issued an access code through the
 * API and one seeded email is registered again (refused as taken): a run whose seeded histories the
 * command side would not accept fails here rather than measuring them.
 */
final class BulkHistorySeeder implements HistorySeeder {

  static final int USERS_PER_BATCH = 500;

  /** About 2,000 events an insert: the embedded store holds its collection lock for each. */
  private static final int COMMITS_PER_INSERT = 100;

  private static final int WORKERS = 2;
  private static final double EVENTS_PER_USER = 18;
  private static final long REPORT_EVERY = 100_000;
  private static final String EMAIL_CLAIMS = "email_claims";

  @Override
  public String name() {
    return "bulk";
  }

  @Override
  public void seed(long targetEvents, Context context) throws Exception {
    long before = context.status().now().eventsInStore();
    long needed = targetEvents - before;
    if (needed <= 0) {
      return;
    }
    Population population = context.population();
    List<SeededHistories.Organization> organizations = new ArrayList<>();
    for (Population.Organization organization : population.organizations()) {
      organizations.add(
          new SeededHistories.Organization(
              organization.id(),
              "org-" + organization.id().substring(0, 8) + ".bench.example",
              actorOf(organization.adminToken(), "bench-admin", "AUDITOR,ORG_ADMIN")));
    }
    Actor signInPage = actorOf(population.signInToken(), "bench-sign-in-page", "SIGN_IN_SERVICE");
    SecureRandom seeds = new SecureRandom();
    String tag = Long.toString(seeds.nextLong() >>> 28, 36);
    AtomicLong users = new AtomicLong();
    Seeding seeding;
    try (MongoClient client = MongoClients.create(settings(context.mongoUri()))) {
      MongoDatabase database = client.getDatabase(context.database());
      seeding =
          new Seeding(
              new BulkEventLoader(new EventLog(database), eventSerializer(), COMMITS_PER_INSERT),
              database.getCollection(EMAIL_CLAIMS),
              before,
              targetEvents,
              context.progress());
      ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
      try {
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
          SeededHistories histories =
              new SeededHistories(
                  organizations, signInPage, tag, users, new SplittableRandom(seeds.nextLong()));
          workers.add(pool.submit(() -> seeding.work(histories)));
        }
        for (Future<?> worker : workers) {
          PopulationLoader.unwrap(worker);
        }
      } finally {
        seeding.stop();
        pool.shutdownNow();
      }
    }
    double seconds = seeding.seconds();
    context
        .progress()
        .say(
            "  seeded %,d events of %,d new users in %.1f s (%,.0f events/s)",
            seeding.appended.get(), users.get(), seconds, seeding.appended.get() / seconds);
    checkTheCommandSideAccepts(seeding.sample.get(), context);
  }

  /** What the workers share: the events still to write, and what they wrote. */
  private static final class Seeding {
    final BulkEventLoader loader;
    final MongoCollection<Document> claims;
    final long before;
    final long target;
    final Progress progress;
    final long started = System.nanoTime();
    final AtomicLong left;
    final AtomicLong appended = new AtomicLong();
    final AtomicLong reported = new AtomicLong();
    final AtomicReference<Seeded> sample = new AtomicReference<>();

    Seeding(
        BulkEventLoader loader,
        MongoCollection<Document> claims,
        long before,
        long target,
        Progress progress) {
      this.loader = loader;
      this.claims = claims;
      this.before = before;
      this.target = target;
      this.progress = progress;
      this.left = new AtomicLong(target - before);
    }

    /**
     * Batches until nothing is left. A worker takes its batch's expected events off what is left
     * before generating it, so that two workers do not both write the last few thousand, and puts
     * the difference to what it generated back; the last worker to finish sees its own correction.
     */
    Void work(SeededHistories histories) {
      while (true) {
        long budget = left.get();
        if (budget <= 0) {
          return null;
        }
        int count = (int) Math.min(USERS_PER_BATCH, Math.ceil(budget / EVENTS_PER_USER));
        long expected = Math.round(count * EVENTS_PER_USER);
        if (!left.compareAndSet(budget, budget - expected)) {
          continue;
        }
        Batch batch = histories.next(count);
        left.addAndGet(expected - batch.events());
        claims.insertMany(batch.emailClaims(), new InsertManyOptions().ordered(false));
        long total = appended.addAndGet(loader.append(batch.histories()));
        sample.compareAndSet(null, batch.sample());
        long mark = total / REPORT_EVERY;
        if (reported.getAndAccumulate(mark, Math::max) < mark) {
          progress.say(
              "  seeding: %,d of %,d events (%,.0f events/s)",
              before + total, target, total / seconds());
        }
      }
    }

    void stop() {
      left.set(0);
    }

    double seconds() {
      return Math.max(1e-9, (System.nanoTime() - started) / 1e9);
    }
  }

  /**
   * One seeded user gets an access code (the command side loads and extends their history), and
   * their email, in other letter case, cannot be registered again.
   */
  private static void checkTheCommandSideAccepts(Seeded user, Context context) {
    if (user == null) {
      return;
    }
    Api api = context.api();
    String adminToken =
        context.population().organizations().stream()
            .filter(organization -> organization.id().equals(user.organization().id()))
            .findFirst()
            .orElseThrow()
            .adminToken();
    String users = "/organizations/" + user.organization().id() + "/users";
    api.send(
            Api.post(
                api.command,
                users + "/" + user.userId() + "/access-codes",
                adminToken,
                Map.of("lifetimeMinutes", 60)))
        .expect(201);
    api.send(
            Api.post(
                api.command,
                users,
                adminToken,
                Map.of(
                    "email",
                    user.email().toUpperCase(Locale.ROOT),
                    "displayName",
                    "Seeded twice",
                    "signInMethod",
                    "PASSWORD")))
        .expect(409);
  }

  /**
   * What the services' {@code eventSerializer} is: Axon's Jackson serializer over Spring Boot's
   * object mapper, whose output for the kernel's records differs from a plain mapper's only in
   * writing instants as ISO-8601 text.
   */
  static Serializer eventSerializer() {
    ObjectMapper mapper =
        JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();
    return JacksonSerializer.builder().objectMapper(mapper).build();
  }

  private static MongoClientSettings settings(String uri) {
    ConnectionString address = new ConnectionString(uri);
    MongoClientSettings.Builder settings =
        MongoClientSettings.builder().applyConnectionString(address);
    if (address.getWriteConcern() == null) {
      settings.writeConcern(WriteConcern.MAJORITY.withJournal(true)); // as the services write
    }
    return settings.build();
  }

  /** The subject and roles of a token, as the command side records its caller. */
  static Actor actorOf(String token, String fallbackId, String fallbackRoles) {
    try {
      String[] parts = token.split("\\.");
      JsonNode claims =
          Api.JSON.readTree(
              new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
      List<String> roles = new ArrayList<>();
      claims.path("roles").forEach(role -> roles.add(role.asText()));
      roles.sort(null);
      return new Actor(
          claims.path("sub").asText(fallbackId),
          roles.isEmpty() ? fallbackRoles : String.join(",", roles));
    } catch (IOException | RuntimeException e) {
      return new Actor(fallbackId, fallbackRoles);
    }
  }
}
