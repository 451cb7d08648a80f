package com.onix.twofactor.query.audit;

import com.mongodb.client.MongoCollection;
import com.onix.twofactor.eventstore.StoredEvent;
import com.onix.twofactor.query.audit.chain.ChainRecord;
import com.onix.twofactor.query.view.ViewBatch;
import com.onix.twofactor.query.view.ViewStore;
import com.onix.twofactor.support.web.ApiProblem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Each organization's history as a dense sequence of positions 1, 2, 3, ...: an event's document is
 * keyed {@code <orgId>:<position>}, so a page is one {@code $in} lookup of the next positions by
 * {@code _id}, a key lookup on any store, and a cursor (a position) stays correct while new events
 * arrive.
 */
@Component
public class AuditTrail {

  /** {@code <aggregateId>:<sequence>}, unique: one aggregate's events are key lookups too. */
  public static final String AGGREGATE_KEY = "aggregateKey";

  /**
   * The hash of an organization's newest entry, beside its position: the next entry links to it.
   */
  public static final String LAST_HASH = "lastHash";

  private final MongoCollection<Document> events;
  private final MongoCollection<Document> counters;
  private final MongoCollection<Document> versions;

  public AuditTrail(ViewStore views) {
    this.events = views.collection(ViewStore.AUDIT_EVENTS);
    this.counters = views.collection(ViewStore.AUDIT_COUNTERS);
    this.versions = views.collection(ViewStore.AUDIT_VERSIONS);
  }

  /**
   * Appends an event to its organization's history once, in {@code batch}: an event already there
   * (a replay) only makes sure the counter covers it. The caller has preloaded the batch with
   * {@link #preload}.
   */
  public void append(
      ViewBatch batch, String organizationId, AuditRecord record, StoredEvent stored) {
    Document existing =
        batch.findBy(ViewStore.AUDIT_EVENTS, "eventId", record.eventId()).orElse(null);
    Document counter = batch.find(ViewStore.AUDIT_COUNTERS, organizationId).orElse(null);
    long last = counter == null ? 0 : counter.get("last", Number.class).longValue();
    String lastHash = counter == null ? ChainRecord.GENESIS : counter.getString(LAST_HASH);
    if (lastHash == null) {
      throw new IllegalStateException(
          "The audit history of an organization predates its chain: rebuild the views");
    }
    long position;
    String hash;
    if (existing != null) {
      position = existing.get("position", Number.class).longValue();
      hash = existing.getString("hash");
    } else {
      position = last + 1;
      ChainRecord link = ChainRecord.of(organizationId, position, lastHash, stored);
      hash = link.hash();
      Document entry =
          record
              .toDocument()
              .append("_id", key(organizationId, position))
              .append("position", position)
              .append("previousHash", lastHash)
              .append("hash", hash)
              .append("stored", new Document(link.storedMembers()))
              .append(AGGREGATE_KEY, aggregateKey(record.aggregateId(), record.sequence()));
      batch.put(ViewStore.AUDIT_EVENTS, entry);
    }
    batch.put(
        ViewStore.AUDIT_COUNTERS,
        new Document("_id", organizationId)
            .append("last", Math.max(last, position))
            .append(LAST_HASH, position >= last ? hash : lastHash));
    long version =
        batch
            .find(ViewStore.AUDIT_VERSIONS, record.aggregateId())
            .map(versions -> versions.get("version", Number.class).longValue())
            .orElse(-1L);
    batch.put(
        ViewStore.AUDIT_VERSIONS,
        new Document("_id", record.aggregateId())
            .append("version", Math.max(version, record.sequence()))
            .append("organizationId", organizationId));
  }

  /**
   * Reads what appending these events will look up: the entries some of them may already have (a
   * replay), and the counters and versions of their organizations and aggregates.
   */
  public void preload(
      ViewBatch batch,
      Collection<String> eventIds,
      Collection<String> organizationIds,
      Collection<String> aggregateIds) {
    batch.preloadBy(ViewStore.AUDIT_EVENTS, "eventId", eventIds);
    batch.preload(ViewStore.AUDIT_COUNTERS, organizationIds);
    batch.preload(ViewStore.AUDIT_VERSIONS, aggregateIds);
  }

  /** The organization's newest position and hash; position 0 and the genesis hash for none. */
  public ChainHead head(String organizationId) {
    Document counter = counters.find(new Document("_id", organizationId)).first();
    return counter == null
        ? new ChainHead(0, ChainRecord.GENESIS)
        : new ChainHead(
            counter.get("last", Number.class).longValue(), counter.getString(LAST_HASH));
  }

  /** Every organization that has a history, with its head. */
  public List<String> organizations() {
    List<String> ids = new ArrayList<>();
    for (Document counter : counters.find().projection(new Document("_id", 1))) {
      ids.add(counter.getString("_id"));
    }
    return ids;
  }

  /** Every organization's head, in one read of the counters (one document per organization). */
  public Map<String, ChainHead> heads() {
    Map<String, ChainHead> heads = new LinkedHashMap<>();
    for (Document counter : counters.find()) {
      heads.put(
          counter.getString("_id"),
          new ChainHead(
              counter.get("last", Number.class).longValue(), counter.getString(LAST_HASH)));
    }
    return heads;
  }

  public record ChainHead(long position, String hash) {}

  public long lastPosition(String organizationId) {
    Document counter = counters.find(new Document("_id", organizationId)).first();
    return counter == null ? 0 : counter.get("last", Number.class).longValue();
  }

  /** The events at positions {@code after + 1 .. after + count} that exist, in order. */
  public List<Document> range(String organizationId, long after, int count) {
    return range(organizationId, after, count, null);
  }

  /**
   * The same entries with only what a link is checked by ({@code position}, {@code eventId}, {@code
   * hash}, {@code previousHash}): what the integrity check reads, without the rest of each entry to
   * encode and decode.
   */
  public List<Document> links(String organizationId, long after, int count) {
    return range(
        organizationId,
        after,
        count,
        new Document("position", 1)
            .append("eventId", 1)
            .append("hash", 1)
            .append("previousHash", 1));
  }

  private List<Document> range(String organizationId, long after, int count, Document projection) {
    List<String> keys = new ArrayList<>(count);
    for (long position = after + 1; position <= after + count; position++) {
      keys.add(key(organizationId, position));
    }
    List<Document> found =
        events
            .find(new Document("_id", new Document("$in", keys)))
            .projection(projection)
            .into(new ArrayList<>());
    found.sort(Comparator.comparingLong(event -> event.get("position", Number.class).longValue()));
    return found;
  }

  /** The events of one aggregate with sequence {@code from .. from + count - 1} that exist. */
  public List<Document> ofAggregate(String aggregateId, long from, int count) {
    List<String> keys = new ArrayList<>(count);
    for (long sequence = from; sequence < from + count; sequence++) {
      keys.add(aggregateKey(aggregateId, sequence));
    }
    List<Document> found =
        events.find(new Document(AGGREGATE_KEY, new Document("$in", keys))).into(new ArrayList<>());
    found.sort(Comparator.comparingLong(event -> event.get("sequence", Number.class).longValue()));
    return found;
  }

  /** The event at a position of the organization's history, if any. */
  public Document at(String organizationId, long position) {
    return events.find(new Document("_id", key(organizationId, position))).first();
  }

  private static String aggregateKey(String aggregateId, long sequence) {
    return aggregateId + ":" + sequence;
  }

  /**
   * 404 {@code UNKNOWN_ORGANIZATION} unless the organization's registration is in its history. Its
   * version is written after every view of the batch, so once it shows, the organization's views
   * hold it too.
   */
  public void requireOrganization(String organizationId) {
    if (appliedVersion(organizationId, organizationId) < 0) {
      throw ApiProblem.unknownOrganization();
    }
  }

  /** The version of an aggregate in the history; -1 for none. */
  public long appliedVersion(String aggregateId) {
    Document version = versions.find(new Document("_id", aggregateId)).first();
    return version == null ? -1 : version.get("version", Number.class).longValue();
  }

  /** The version of an aggregate of the organization in its history; -1 for none or another's. */
  public long appliedVersion(String organizationId, String aggregateId) {
    Document version = versions.find(new Document("_id", aggregateId)).first();
    return version == null || !organizationId.equals(version.getString("organizationId"))
        ? -1
        : version.get("version", Number.class).longValue();
  }

  private static String key(String organizationId, long position) {
    return organizationId + ":" + position;
  }
}
