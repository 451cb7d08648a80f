package com.onix.twofactor.command.store;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A corrupt store ends the start with what is wrong and what to do, not a stack trace. */
public final class StoreCorruptionFailureAnalyzer
    extends AbstractFailureAnalyzer<StoreCorruptedException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, StoreCorruptedException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.remedy(), cause);
  }
}
