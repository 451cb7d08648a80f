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

  private final EventProcessingConfiguration processing;
  private final ViewStore views;
  private final MongoCollection<Document> storedEvents;

  public ViewRebuild(
      EventProcessingConfiguration processing, ViewStore views, MongoTemplate eventStore) {
    this.processing = processing;
    this.views = views;
    this.storedEvents = eventStore.eventCollection();
  }

  /**
   * How far the views have come: every stored event becomes one audit entry, so the views have
   * taken in the whole store once the two counts meet.
   */
  public record Progress(
      boolean running, long eventsInStore, long eventsProjected, boolean caughtUp) {}

  public synchronized void start() {
    TrackingEventProcessor projections = projections();
    log.info("Rebuilding the views: stopping the projections");
    projections.shutDown();
    views.dropAll();
    projections.resetTokens();
    projections.start();
    log.info("Rebuilding the views: replaying the event store");
  }

  public Progress progress() {
    long stored = storedEvents.countDocuments();
    long projected = views.collection(ViewStore.AUDIT_EVENTS).countDocuments();
    return new Progress(projections().isRunning(), stored, projected, projected >= stored);
  }

  private TrackingEventProcessor projections() {
    return processing
        .eventProcessor(PROCESSOR, TrackingEventProcessor.class)
        .orElseThrow(() -> new IllegalStateException("no tracking processor " + PROCESSOR));
  }
}
