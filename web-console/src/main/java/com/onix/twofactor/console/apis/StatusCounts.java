package com.onix.twofactor.console.apis;

import java.util.Map;

/** How many of the organization's users are in each {@code twoFactor} state. */
public record StatusCounts(boolean policyRequired, long total, Map<String, Long> counts) {

  public long of(String twoFactor) {
    return counts.getOrDefault(twoFactor, 0L);
  }
}
