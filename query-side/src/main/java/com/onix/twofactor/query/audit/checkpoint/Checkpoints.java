package com.onix.twofactor.query.audit.checkpoint;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.onix.twofactor.query.audit.AuditTrail;
import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * The checkpoints the service signed, kept beside the store: every one in {@value #ALL} (keyed
 * {@code <org>:<position>}: two instances signing the same head keep the first) and each
 * organization's newest in {@value #LATEST} (keyed by organization). Not views: a rebuild keeps
 * them, since they vouch for the history the views are rebuilt from.
 */
public class Checkpoints {

  static final String ALL = "audit_checkpoints";
  static final String LATEST = "audit_checkpoint_heads";

  private final MongoCollection<Document> all;
  private final MongoCollection<Document> latest;
  private final AuditTrail trail;
  private final CheckpointKeys keys;
  private final Clock clock;

  public Checkpoints(MongoDatabase database, AuditTrail trail, CheckpointKeys keys, Clock clock) {
    this.all = database.getCollection(ALL);
    this.latest = database.getCollection(LATEST);
    this.trail = trail;
    this.keys = keys;
    this.clock = clock;
  }

  /** The organization's newest checkpoint as stored (its signature not yet checked). */
  public Optional<String> latestJws(String organizationId) {
    Document found = latest.find(new Document("_id", organizationId)).first();
    return Optional.ofNullable(found).map(document -> document.getString("jws"));
  }

  /**
   * Signs the organization's chain head unless its newest checkpoint already covers it; the
   * checkpoint of the head either way, or empty for an organization with no history.
   */
  public Optional<Checkpoint> signHead(String organizationId) {
    AuditTrail.ChainHead head = trail.head(organizationId);
    if (head.position() == 0) {
      return Optional.empty();
    }
    Optional<Checkpoint> newest = latestJws(organizationId).flatMap(this::verified);
    if (newest.isPresent() && newest.get().position() >= head.position()) {
      return newest;
    }
    Checkpoint signed =
        Checkpoint.sign(
            organizationId, head.position(), head.hash(), clock.instant(), keys.signing());
    Document record =
        new Document("_id", organizationId + ":" + head.position())
            .append("organizationId", organizationId)
            .append("position", head.position())
            .append("hash", head.hash())
            .append("time", Date.from(signed.time()))
            .append("jws", signed.jws());
    try {
      all.insertOne(record);
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      Document first = all.find(new Document("_id", record.get("_id"))).first();
      signed = first == null ? signed : verified(first.getString("jws")).orElse(signed);
    }
    latest.replaceOne(
        new Document("_id", organizationId),
        new Document("_id", organizationId)
            .append("position", signed.position())
            .append("jws", signed.jws()),
        new ReplaceOptions().upsert(true));
    return Optional.of(signed);
  }

  /** Signs the head of every organization whose history grew since its newest checkpoint. */
  public int signEveryNewHead() {
    Map<String, Long> covered = new HashMap<>();
    for (Document newest : latest.find().projection(new Document("position", 1))) {
      covered.put(newest.getString("_id"), newest.get("position", Number.class).longValue());
    }
    int signed = 0;
    for (Map.Entry<String, AuditTrail.ChainHead> head : trail.heads().entrySet()) {
      if (head.getValue().position() > covered.getOrDefault(head.getKey(), 0L)) {
        signHead(head.getKey());
        signed++;
      }
    }
    return signed;
  }

  public Optional<Checkpoint> verified(String jws) {
    return Checkpoint.verified(jws, keys);
  }
}
