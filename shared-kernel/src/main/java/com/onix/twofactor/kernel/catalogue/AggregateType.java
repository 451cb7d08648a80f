package com.onix.twofactor.kernel.catalogue;

import java.util.Arrays;
import java.util.Optional;

/**
 * The aggregates' type names, as every stored event carries them (and the audit chain hashes them):
 * fixed here, so that renaming an aggregate class changes nothing stored.
 */
public enum AggregateType {
  ORGANIZATION_POLICY(Names.ORGANIZATION_POLICY),
  USER_TWO_FACTOR(Names.USER_TWO_FACTOR);

  /** The same names as constants, for annotations such as Axon's {@code @Aggregate(type = ...)}. */
  public static final class Names {
    public static final String ORGANIZATION_POLICY = "OrganizationPolicy";
    public static final String USER_TWO_FACTOR = "UserTwoFactor";

    private Names() {}
  }

  private final String storedName;

  AggregateType(String storedName) {
    this.storedName = storedName;
  }

  public String storedName() {
    return storedName;
  }

  /** Whether a stored event's aggregate type is this one. */
  public boolean is(String stored) {
    return storedName.equals(stored);
  }

  public static Optional<AggregateType> ofStored(String stored) {
    return Arrays.stream(values()).filter(t -> t.is(stored)).findFirst();
  }
}
