package com.onix.twofactor.prompt.apis;

import java.time.Instant;

/**
 * A problem document one of the APIs answered (or {@code UNAVAILABLE} when it could not be
 * reached), reduced to what the prompt tells the user. Never shown as such.
 */
public class ApiRefusal extends RuntimeException {

  private final int status;
  private final String code;
  private final Integer remainingAttempts;
  private final Instant lockedUntil;

  public ApiRefusal(int status, String code, Integer remainingAttempts, Instant lockedUntil) {
    super(code, null, false, false);
    this.status = status;
    this.code = code;
    this.remainingAttempts = remainingAttempts;
    this.lockedUntil = lockedUntil;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Integer remainingAttempts() {
    return remainingAttempts;
  }

  public Instant lockedUntil() {
    return lockedUntil;
  }
}
