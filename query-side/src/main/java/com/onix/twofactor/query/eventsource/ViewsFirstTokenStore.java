package com.onix.twofactor.query.eventsource;

import com.onix.twofactor.query.view.ViewBatches;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;

/**
 * The projections' token store, which writes the batch's view documents before it stores the
 * position past the batch's events. The processor stores its position in the first step of its unit
 * of work's commit, before anything a handler registers for that step, so the views cannot wait for
 * a later step: a position stored ahead of the documents it covers would lose them in a crash
 * between the two.
 */
final class ViewsFirstTokenStore implements TokenStore {

  private final TokenStore delegate;
  private final ViewBatches batches;

  ViewsFirstTokenStore(TokenStore delegate, ViewBatches batches) {
    this.delegate = delegate;
    this.batches = batches;
  }

  @Override
  public void storeToken(TrackingToken token, String processorName, int segment) {
    batches.flushCurrent();
    delegate.storeToken(token, processorName, segment);
  }

  @Override
  public void initializeTokenSegments(String processorName, int segmentCount) {
    delegate.initializeTokenSegments(processorName, segmentCount);
  }

  @Override
  public void initializeTokenSegments(
      String processorName, int segmentCount, TrackingToken initialToken) {
    delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
  }

  @Override
  public TrackingToken fetchToken(String processorName, int segment) {
    return delegate.fetchToken(processorName, segment);
  }

  @Override
  public TrackingToken fetchToken(String processorName, Segment segment) {
    return delegate.fetchToken(processorName, segment);
  }

  @Override
  public void extendClaim(String processorName, int segment) {
    delegate.extendClaim(processorName, segment);
  }

  @Override
  public void releaseClaim(String processorName, int segment) {
    delegate.releaseClaim(processorName, segment);
  }

  @Override
  public void initializeSegment(TrackingToken token, String processorName, int segment) {
    delegate.initializeSegment(token, processorName, segment);
  }

  @Override
  public void deleteToken(String processorName, int segment) {
    delegate.deleteToken(processorName, segment);
  }

  @Override
  public boolean requiresExplicitSegmentInitialization() {
    return delegate.requiresExplicitSegmentInitialization();
  }

  @Override
  public int[] fetchSegments(String processorName) {
    return delegate.fetchSegments(processorName);
  }

  @Override
  public List<Segment> fetchAvailableSegments(String processorName) {
    return delegate.fetchAvailableSegments(processorName);
  }

  @Override
  public Optional<String> retrieveStorageIdentifier() {
    return delegate.retrieveStorageIdentifier();
  }
}
