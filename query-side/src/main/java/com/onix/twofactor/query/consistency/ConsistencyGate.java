package com.onix.twofactor.query.consistency;

import com.onix.twofactor.support.web.ApiProblem;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.ToLongFunction;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Every query passes here before it reads a view. While the views are being rebuilt it answers 503
 * {@code NOT_YET_CONSISTENT}: a half-built view would tell the sign-in page that an enrolled user
 * needs no second factor. And for read-your-writes it holds a query until its view has applied the
 * version a command returned, or answers 503 after {@link #PATIENCE}.
 */
@Component
public class ConsistencyGate {

  static final Duration PATIENCE = Duration.ofSeconds(5);
  private static final long POLL_MILLIS = 10;

  /** Waiting holds a request thread: beyond this many waiters, the answer is 503 at once. */
  private static final int MAX_WAITERS = 32;

  /**
   * No group (an organization, or one sign-in service) may hold more than this many of them, so one
   * organization's waiters cannot make another's read-your-writes fail.
   */
  static final int MAX_WAITERS_PER_GROUP = 8;

  private final ViewsCompleteness rebuild;
  private final Semaphore waiters = new Semaphore(MAX_WAITERS);
  private final Map<String, Semaphore> waitersByGroup = new ConcurrentHashMap<>();

  public ConsistencyGate(ViewsCompleteness rebuild) {
    this.rebuild = rebuild;
  }

  /**
   * @param waiterGroup whose waiting this is: the organization, or the caller for a platform role
   * @param minVersion the raw query parameter, or null when the caller did not ask
   * @param appliedVersion the version the view has applied for an aggregate id the caller may see,
   *     -1 for none (also for an aggregate of another organization: it is waited for like one that
   *     does not exist yet, so the answer tells nothing about it)
   */
  public void await(String waiterGroup, String minVersion, ToLongFunction<String> appliedVersion) {
    if (!rebuild.viewsComplete()) {
      throw notYetConsistent("The views are being rebuilt from the event store; retry shortly.");
    }
    if (minVersion == null) {
      return;
    }
    MinVersion wanted = MinVersion.parse(minVersion);
    if (appliedVersion.applyAsLong(wanted.aggregateId()) >= wanted.version()) {
      return;
    }
    Semaphore group =
        waitersByGroup.computeIfAbsent(waiterGroup, g -> new Semaphore(MAX_WAITERS_PER_GROUP));
    if (!group.tryAcquire()) {
      throw notYetConsistent("The view has not caught up with that version yet; retry shortly.");
    }
    if (!waiters.tryAcquire()) {
      group.release();
      throw notYetConsistent("The view has not caught up with that version yet; retry shortly.");
    }
    try {
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (appliedVersion.applyAsLong(wanted.aggregateId()) < wanted.version()) {
        if (System.nanoTime() > deadline) {
          throw notYetConsistent(
              "The view has not caught up with that version yet; retry shortly.");
        }
        sleep();
      }
    } finally {
      waiters.release();
      group.release();
    }
    if (!rebuild.viewsComplete()) {
      // A rebuild began while this query waited.
      throw notYetConsistent("The views are being rebuilt from the event store; retry shortly.");
    }
  }

  private static ApiProblem notYetConsistent(String detail) {
    return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "NOT_YET_CONSISTENT", detail)
        .withHeader("Retry-After", "1");
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the view", e);
    }
  }
}
