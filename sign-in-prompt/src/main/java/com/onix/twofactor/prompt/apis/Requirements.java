package com.onix.twofactor.prompt.apis;

import java.time.Instant;
import java.util.List;

/** The query side's answer to "what does this sign-in require?". */
public record Requirements(
    String userId, String twoFactor, List<String> methods, Instant lockedUntil) {

  public boolean offers(String method) {
    return methods.contains(method);
  }
}
