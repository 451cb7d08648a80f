package com.onix.twofactor.support.testing;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.json.JsonReader;

/**
 * The store the previous release wrote, payload types stored as Java class names: this test jar's
 * resource {@code previous-release/} (its README says how it was written). One organization and one
 * user holding every event type of that release.
 */
public final class PreviousReleaseStore {

  public static final String ORGANIZATION = "9c3f0a52-6d1e-4b7a-9e55-0f2b1c7d8a01";
  public static final String USER = "4e8b2d71-3a6c-4f09-8b1e-7c5d9a2f6e12";

  /** The events it holds, which is also the next free global position it had. */
  public static final long EVENTS = 26;

  private static final String RESOURCE = "/previous-release/event_commits.json";

  private PreviousReleaseStore() {}

  /** Its {@code event_commits} documents as they were stored, in global order. */
  public static List<Document> commits() {
    String json;
    try (InputStream in = PreviousReleaseStore.class.getResourceAsStream(RESOURCE)) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Document> commits =
        new ArrayList<>(
            new DocumentCodec()
                .decode(
                    new JsonReader("{\"commits\":" + json + "}"), DecoderContext.builder().build())
                .getList("commits", Document.class));
    for (Document commit : commits) {
      asLong(commit, "globalIndex");
      asLong(commit, "firstSequenceNumber");
      commit.getList("events", Document.class).forEach(e -> asLong(e, "sequenceNumber"));
    }
    return commits;
  }

  /**
   * Its commits as stored, except for their global positions: into a store shared with other tests,
   * so they take the next free ones, reserved as a writer does.
   *
   * @return the commits as inserted
   */
  public static List<Document> loadAtTheNextFreePositions(MongoDatabase database) {
    List<Document> commits = commits();
    Document before =
        database
            .getCollection("event_store")
            .findOneAndUpdate(
                new Document("_id", "sequence"),
                Updates.inc("next", EVENTS),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
    long first = before == null ? 0 : ((Number) before.get("next")).longValue();
    for (Document commit : commits) {
      commit.put("globalIndex", first + commit.getLong("globalIndex"));
    }
    database.getCollection("event_commits").insertMany(commits);
    return commits;
  }

  /** Relaxed JSON writes a 64-bit integer as a plain number; the store held it as one. */
  private static void asLong(Document document, String key) {
    document.put(key, ((Number) document.get(key)).longValue());
  }
}
