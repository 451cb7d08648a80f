package com.onix.twofactor.kernel.archfixture;

import org.axonframework.modelling.command.AggregateIdentifier;

/** A kernel-shaped class the dependency rule must reject: Axon beyond the target annotation. */
public class UsesAnotherAxonAnnotation {

  @AggregateIdentifier private String id;

  public String id() {
    return id;
  }
}
