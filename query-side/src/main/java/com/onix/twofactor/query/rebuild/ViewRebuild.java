package com.onix.twofactor.query.rebuild;

import com.mongodb.client.MongoCollection;
import com.onix.twofactor.query.view.ViewStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds every view from the event store: stops the projections, drops the views, resets the
 * projections' position to the start of the store and lets them replay it.
 */
@Component
public class ViewRebuild {

  static final String PROCESSOR = "projections";
  private static final Logger log = LoggerFactory.getLogger(ViewRebuild.class);

  private static final long RECHECK_NANOS = 500_000_000L;

  private final EventProcessingConfiguration processing;
  private final ViewStore views;
  private final MongoCollection<Document> storedEvents;
  private volatile boolean rebuilding;
  private volatile long checkedAt;

  /** How many events the store held when the rebuild began: the views are whole past those. */
  private volatile long storedAtStart;

  public ViewRebuild(
      EventProcessingConfiguration processing, ViewStore views, MongoTemplate eventStore) {
    this.processing = processing;
    this.views = views;
    this.storedEvents = eventStore.eventCollection();
    // A rebuild interrupted by a restart goes on replaying: the views are incomplete till it ends.
    this.rebuilding =
        eventStore
            .trackingTokensCollection()
            .find(new Document("processorName", PROCESSOR))
            .into(new java.util.ArrayList<>())
            .stream()
            .anyMatch(token -> String.valueOf(token.get("tokenType")).contains("ReplayToken"));
    this.storedAtStart = rebuilding ? storedEvents.countDocuments() : 0;
  }

  /** False from the start of a rebuild until the views have taken in the whole store again. */
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
   * How far the views have come: every stored event becomes one audit entry, so the views have
   * taken in the whole store once the two counts meet.
   */
  public record Progress(
      boolean running, long eventsInStore, long eventsProjected, boolean caughtUp) {}

  /**
   * The token is reset before the views are dropped: a crash in between leaves a replay to finish
   * (and the views idempotent to it), never views that quietly miss the past.
   */
  public synchronized void start() {
    TrackingEventProcessor projections = projections();
    log.info("Rebuilding the views: stopping the projections");
    projections.shutDown();
    storedAtStart = storedEvents.countDocuments();
    rebuilding = true;
    checkedAt = System.nanoTime();
    projections.resetTokens();
    views.dropAll();
    projections.start();
    log.info("Rebuilding the views: replaying the event store");
  }

  /** Synchronized with {@link #start()}, so a rebuild under way is never declared done early. */
  public synchronized Progress progress() {
    long stored = storedEvents.countDocuments();
    long projected = views.collection(ViewStore.AUDIT_EVENTS).countDocuments();
    if (rebuilding && projected >= storedAtStart) {
      rebuilding = false;
      log.info("Rebuilding the views: done");
    }
    return new Progress(projections().isRunning(), stored, projected, projected >= stored);
  }

  private TrackingEventProcessor projections() {
    return processing
        .eventProcessor(PROCESSOR, TrackingEventProcessor.class)
        .orElseThrow(() -> new IllegalStateException("no tracking processor " + PROCESSOR));
  }
}
