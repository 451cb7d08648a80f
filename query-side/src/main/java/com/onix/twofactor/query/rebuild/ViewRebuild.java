package com.onix.twofactor.query.rebuild;

import com.mongodb.client.MongoCollection;
import com.onix.twofactor.eventstore.CommitLogStorageEngine;
import com.onix.twofactor.query.audit.AuditTrail;
import com.onix.twofactor.query.consistency.ViewsCompleteness;
import com.onix.twofactor.query.view.ViewStore;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds every view from the event store: stops the projections, drops the views, resets the
 * projections' position to the start of the store and lets them replay it.
 *
 * <p>Views built from a store in an earlier layout are rebuilt the same way at start-up: their
 * positions (timestamps, in the Axon Mongo extension's tokens) mean nothing in the commit log.
 */
@Component
public class ViewRebuild implements ViewsCompleteness {

  static final String PROCESSOR = "projections";
  private static final Logger log = LoggerFactory.getLogger(ViewRebuild.class);

  private static final long RECHECK_NANOS = 500_000_000L;

  private final EventProcessingConfiguration processing;
  private final ViewStore views;
  private final CommitLogStorageEngine store;
  private volatile boolean rebuilding;
  private volatile long checkedAt;

  /** The store's last event when the rebuild began: the views are whole once past it. */
  private volatile long target;

  public ViewRebuild(
      EventProcessingConfiguration processing,
      ViewStore views,
      CommitLogStorageEngine store,
      MongoTemplate tokens) {
    this.processing = processing;
    this.views = views;
    this.store = store;
    MongoCollection<Document> tokenDocuments = tokens.trackingTokensCollection();
    List<Document> positions =
        tokenDocuments.find(new Document("processorName", PROCESSOR)).into(new ArrayList<>());
    boolean olderLayout =
        positions.stream().anyMatch(token -> tokenType(token).contains("MongoTrackingToken"));
    if (olderLayout || unchained(views)) {
      log.info(
          olderLayout
              ? "The views were built from an earlier event store layout: rebuilding them"
              : "The audit history was built before its hash chain: rebuilding the views");
      tokenDocuments.deleteMany(new Document("processorName", PROCESSOR));
      views.dropAll();
      this.rebuilding = true;
    } else {
      // A rebuild interrupted by a restart goes on replaying: the views are incomplete till it
      // ends.
      this.rebuilding =
          positions.stream().anyMatch(token -> tokenType(token).contains("ReplayToken"));
    }
    this.target = rebuilding ? headPosition() : -1;
  }

  /** An audit history projected before entries were chained: its counters hold no hash. */
  private static boolean unchained(ViewStore views) {
    return views
            .collection(ViewStore.AUDIT_COUNTERS)
            .find(new Document(AuditTrail.LAST_HASH, new Document("$exists", false)))
            .first()
        != null;
  }

  private static String tokenType(Document token) {
    return String.valueOf(token.get("tokenType"));
  }

  @Override
  public boolean viewsComplete() {
    if (!rebuilding) {
      return true;
    }
    long now = System.nanoTime();
    if (now - checkedAt > RECHECK_NANOS) {
      checkedAt = now;
      progress();
    }
    return !rebuilding;
  }

  /**
   * How far the views have come, in positions of the store's global order.
   *
   * @param rebuilding whether queries are held back (answered 503) until the rebuild ends
   */
  public record Progress(
      boolean running,
      boolean rebuilding,
      long eventsInStore,
      long eventsProjected,
      boolean caughtUp) {}

  /**
   * The token is reset before the views are dropped: a crash in between leaves a replay to finish
   * (and the views idempotent to it), never views that quietly miss the past.
   */
  public synchronized void start() {
    TrackingEventProcessor projections = projections();
    log.info("Rebuilding the views: stopping the projections");
    projections.shutDown();
    target = headPosition();
    rebuilding = true;
    checkedAt = System.nanoTime();
    projections.resetTokens();
    views.dropAll();
    projections.start();
    log.info("Rebuilding the views: replaying the event store");
  }

  /** Synchronized with {@link #start()}, so a rebuild under way is never declared done early. */
  public synchronized Progress progress() {
    TrackingEventProcessor projections = projections();
    long head = headPosition();
    long projected = -1;
    for (EventTrackerStatus status : projections.processingStatus().values()) {
      projected = Math.max(projected, status.getCurrentPosition().orElse(-1));
    }
    // Axon's replay flag stays up until an event after the reset point arrives: judge by position.
    boolean claimed = !projections.processingStatus().isEmpty();
    if (rebuilding && claimed && projected >= target) {
      rebuilding = false;
      log.info("Rebuilding the views: done");
    }
    return new Progress(
        projections.isRunning(), rebuilding, head + 1, projected + 1, projected >= head);
  }

  private long headPosition() {
    return store.lastEventIndex();
  }

  private TrackingEventProcessor projections() {
    return processing
        .eventProcessor(PROCESSOR, TrackingEventProcessor.class)
        .orElseThrow(() -> new IllegalStateException("no tracking processor " + PROCESSOR));
  }
}
