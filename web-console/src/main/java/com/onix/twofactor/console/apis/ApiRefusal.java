package com.onix.twofactor.console.apis;

/**
 * A problem document one of the APIs answered (or {@code UNAVAILABLE} when it could not be
 * reached), reduced to its status and stable code. The pages turn it into a sentence; it is never
 * shown as such.
 */
public class ApiRefusal extends RuntimeException {

  private final int status;
  private final String code;

  public ApiRefusal(int status, String code) {
    super(code, null, false, false);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
