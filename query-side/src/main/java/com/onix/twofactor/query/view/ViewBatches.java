package com.onix.twofactor.query.view;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The {@link ViewBatch} of the batch of events being handled: one per unit of work of the
 * projections' processor, preloaded for all its events when its first handler asks, written by
 * {@link #flushCurrent()} before the processor stores the position past them, and dropped with the
 * unit of work if it rolls back (the processor then handles the batch again).
 */
@Component
public class ViewBatches {

  private static final String RESOURCE = ViewBatch.class.getName();

  private final ViewStore store;
  private final ObjectProvider<ViewPreloader> preloaders;

  public ViewBatches(ViewStore store, ObjectProvider<ViewPreloader> preloaders) {
    this.store = store;
    this.preloaders = preloaders;
  }

  /** The current batch; outside a unit of work, one that writes each document at once. */
  public ViewBatch current() {
    if (!CurrentUnitOfWork.isStarted()) {
      return ViewBatch.writeThrough(store);
    }
    UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
    ViewBatch batch = unitOfWork.getResource(RESOURCE);
    if (batch == null) {
      batch = open(unitOfWork);
      unitOfWork.resources().put(RESOURCE, batch);
    }
    return batch;
  }

  /** Writes the current unit of work's batch, if it has one. */
  public void flushCurrent() {
    if (CurrentUnitOfWork.isStarted()) {
      ViewBatch batch = CurrentUnitOfWork.get().root().getResource(RESOURCE);
      if (batch != null) {
        batch.flush();
      }
    }
  }

  private ViewBatch open(UnitOfWork<?> unitOfWork) {
    ViewBatch batch = ViewBatch.buffered(store);
    List<? extends EventMessage<?>> events = eventsOf(unitOfWork);
    preloaders.orderedStream().forEach(preloader -> preloader.preload(events, batch));
    // A processor stores its position through ViewFlushingTokenStore, which writes the batch
    // first; this covers a unit of work that stores no position.
    unitOfWork.onPrepareCommit(committing -> batch.flush());
    return batch;
  }

  @SuppressWarnings("unchecked")
  private static List<? extends EventMessage<?>> eventsOf(UnitOfWork<?> unitOfWork) {
    if (unitOfWork instanceof BatchingUnitOfWork<?> batching) {
      return (List<? extends EventMessage<?>>) batching.getMessages();
    }
    return unitOfWork.getMessage() instanceof EventMessage<?> event ? List.of(event) : List.of();
  }
}
