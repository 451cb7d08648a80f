package com.onix.twofactor.query.view;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;

/**
 * A projection's part of opening a batch: it reads, with one request per collection, the view
 * documents its handlers will look up for these events, so that handling them costs no round trip
 * to the store.
 */
public interface ViewPreloader {

  void preload(List<? extends EventMessage<?>> events, ViewBatch batch);
}
