package com.onix.twofactor.benchmark;

/**
 * One kind of request of a measurement, as one load thread sends it. Whatever it needs (a user, a
 * fresh code, a cursor) is picked in {@link #prepare()}, off the clock; only {@link
 * Prepared#send()} is timed.
 */
interface Operation {

  /** The operation has nothing left to send: its worker stops. */
  Prepared EXHAUSTED = () -> -1;

  /** The next request, {@code null} when there is nothing to send right now, or EXHAUSTED. */
  Prepared prepare() throws Exception;

  /** The status that counts as a success. */
  int expectedStatus();

  interface Prepared {
    /** Sends the request, reads the whole answer and returns its status. */
    int send() throws Exception;
  }
}
