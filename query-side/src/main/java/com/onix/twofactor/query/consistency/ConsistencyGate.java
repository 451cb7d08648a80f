package com.onix.twofactor.query.consistency;

import com.onix.twofactor.support.web.ApiProblem;
import java.time.Duration;
import java.util.function.ToLongFunction;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes: holds a query until its view has applied the version a command returned, or
 * answers 503 {@code NOT_YET_CONSISTENT} after {@link #PATIENCE}.
 */
@Component
public class ConsistencyGate {

  static final Duration PATIENCE = Duration.ofSeconds(5);
  private static final long POLL_MILLIS = 10;

  /**
   * @param minVersion the raw query parameter, or null when the caller did not ask
   * @param appliedVersion the version a view has applied for an aggregate id, -1 for none
   */
  public void await(String minVersion, ToLongFunction<String> appliedVersion) {
    if (minVersion == null) {
      return;
    }
    MinVersion wanted = MinVersion.parse(minVersion);
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (appliedVersion.applyAsLong(wanted.aggregateId()) < wanted.version()) {
      if (System.nanoTime() > deadline) {
        throw new ApiProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "NOT_YET_CONSISTENT",
                "The view has not caught up with that version yet; retry shortly.")
            .withHeader("Retry-After", "1");
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the view", e);
      }
    }
  }
}
