package com.onix.twofactor.query.audit.integrity;

import com.onix.twofactor.eventstore.StoredEvent;
import com.onix.twofactor.query.audit.AuditTrail;
import com.onix.twofactor.query.audit.chain.ChainRecord;
import com.onix.twofactor.query.audit.checkpoint.Checkpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.bson.Document;

/**
 * One organization's stored events, met in global order, against the chain its audit history fixed:
 * the chain is recomputed from the store and each link compared with the entry at its position. Up
 * to the history's head when the check began; what was appended since is the next check's.
 */
final class OrganizationCheck {

  /** Entries read per request: the embedded store's {@code $in} costs the square of its keys. */
  private static final int CHUNK = 64;

  private final String organizationId;
  private final AuditTrail trail;
  private final AuditTrail.ChainHead head;
  private final Executor reads;
  private final Map<Long, Document> entries = new HashMap<>();
  private long nextChunkAfter = -1;
  private CompletableFuture<List<Document>> nextChunk;

  private long position;
  private String previousHash = ChainRecord.GENESIS;
  private IntegrityReport.Mismatch mismatch;
  private final Map<Long, List<Checkpoint>> checkpoints = new HashMap<>();
  private String unverifiableCheckpoint;

  /**
   * @param reads where the next window of entries is read while this one is checked
   */
  OrganizationCheck(String organizationId, AuditTrail trail, Executor reads) {
    this.organizationId = organizationId;
    this.trail = trail;
    this.reads = reads;
    this.head = trail.head(organizationId);
  }

  String organizationId() {
    return organizationId;
  }

  /** A signed checkpoint the chain must pass through. */
  void expect(Checkpoint checkpoint) {
    checkpoints.computeIfAbsent(checkpoint.position(), at -> new ArrayList<>()).add(checkpoint);
  }

  /** A checkpoint that was stored for this organization but does not verify. */
  void unverifiable(String why) {
    unverifiableCheckpoint = why;
  }

  /** Whether stored events can still change the outcome. */
  boolean open() {
    return mismatch == null && position < head.position();
  }

  void accept(StoredEvent event) {
    if (!open()) {
      return;
    }
    position++;
    Document entry = entryAt(position);
    if (entry == null) {
      mismatch(event.eventId(), "the audit history has no entry at this position");
      return;
    }
    String chained = entry.getString("eventId");
    if (!event.eventId().equals(chained)) {
      mismatch(
          chained,
          "the event store holds event "
              + event.eventId()
              + " at this position, not the one chained: an event was deleted, inserted or"
              + " moved");
      return;
    }
    String hash = ChainRecord.of(organizationId, position, previousHash, event).hash();
    if (!hash.equals(entry.getString("hash"))) {
      mismatch(chained, "the stored event is not the one chained: it was changed in the store");
      return;
    }
    if (!previousHash.equals(entry.getString("previousHash"))) {
      mismatch(chained, "the entry's previousHash is not the hash of the entry before it");
      return;
    }
    for (Checkpoint signed : checkpoints.getOrDefault(position, List.of())) {
      if (!signed.hash().equals(hash)) {
        mismatch(
            chained,
            "the history up to this position is not the one the checkpoint of "
                + signed.time()
                + " signed: it was rewritten and re-chained");
        return;
      }
    }
    previousHash = hash;
  }

  IntegrityReport report() {
    if (mismatch == null && position < head.position()) {
      position++;
      Document entry = entryAt(position);
      mismatch(
          entry == null ? null : entry.getString("eventId"),
          "the event store holds no event for this position: the chained event was deleted");
    }
    if (mismatch == null && !previousHash.equals(head.hash())) {
      mismatch(null, "the history's head hash is not the hash of its newest entry");
    }
    for (Checkpoint signed : checkpoints.values().stream().flatMap(List::stream).toList()) {
      if (mismatch == null && signed.position() > head.position()) {
        position = head.position() + 1;
        mismatch(
            null,
            "the history ends at position "
                + head.position()
                + ", but the checkpoint of "
                + signed.time()
                + " signed position "
                + signed.position()
                + ": it was cut short");
      }
    }
    if (mismatch == null && unverifiableCheckpoint != null) {
      position = 0;
      mismatch(null, unverifiableCheckpoint);
    }
    long checked = mismatch == null ? position : mismatch.position() - 1;
    return new IntegrityReport(
        mismatch == null,
        checked,
        new IntegrityReport.Head(head.position(), head.hash()),
        mismatch);
  }

  private void mismatch(String eventId, String why) {
    mismatch = new IntegrityReport.Mismatch(position, eventId, why);
  }

  private Document entryAt(long wanted) {
    Document entry = entries.remove(wanted);
    if (entry == null && !entries.containsKey(wanted)) {
      entries.clear();
      for (Document found : chunkAfter(wanted - 1)) {
        entries.put(found.get("position", Number.class).longValue(), found);
      }
      entry = entries.remove(wanted);
    }
    return entry;
  }

  /** The entries after a position, read ahead when the check came to it in order. */
  private List<Document> chunkAfter(long after) {
    List<Document> chunk;
    if (nextChunk != null && nextChunkAfter == after) {
      try {
        chunk = nextChunk.join();
      } catch (CompletionException failed) {
        throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
      }
    } else {
      chunk = trail.links(organizationId, after, CHUNK);
    }
    nextChunk = null;
    long following = after + CHUNK;
    if (following < head.position()) {
      nextChunkAfter = following;
      nextChunk =
          CompletableFuture.supplyAsync(() -> trail.links(organizationId, following, CHUNK), reads);
    }
    return chunk;
  }
}
