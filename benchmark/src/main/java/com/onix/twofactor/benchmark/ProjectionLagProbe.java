package com.onix.twofactor.benchmark;

import com.onix.twofactor.benchmark.Population.BenchUser;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * How long an admin's action takes to reach the views the sign-in page and the admin pages read:
 * issue an access code, then ask the query side for that user with the command's {@code
 * Onix-Aggregate-Version} as {@code minVersion}, which answers once the view has applied it. The
 * lag is from the command's 2xx to that answer, so it includes one query's round trip, and the
 * query side checks for the version every 10 ms. Several threads probe at once, each waiting for
 * its own command, so a lag of seconds still yields samples.
 */
final class ProjectionLagProbe implements Runnable {

  private static final Duration PAUSE = Duration.ofMillis(20);
  private static final Duration GIVE_UP = Duration.ofSeconds(60);

  private final Api api;
  private final Queue<BenchUser> users;
  private final long recordFrom;
  private final long recordUntil;
  final Histogram lagMicros = new SynchronizedHistogram(60_000_000L, 3);
  final Map<String, Long> errors = new ConcurrentSkipListMap<>();
  private final AtomicLong probes = new AtomicLong();

  ProjectionLagProbe(Api api, Queue<BenchUser> users, Duration warmup, Duration duration) {
    this.api = api;
    this.users = users;
    this.recordFrom = System.nanoTime() + warmup.toNanos();
    this.recordUntil = recordFrom + duration.toNanos();
  }

  @Override
  public void run() {
    while (System.nanoTime() < recordUntil) {
      BenchUser user = users.poll();
      if (user == null) {
        return;
      }
      try {
        probe(user);
      } catch (RuntimeException e) {
        errors.merge(e.getClass().getSimpleName(), 1L, Long::sum);
      } finally {
        users.add(user);
      }
      try {
        Thread.sleep(PAUSE.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void probe(BenchUser user) {
    Api.Reply issued = api.send(Workloads.issueRequest(api, user));
    long committed = System.nanoTime();
    if (issued.status() != 201 || issued.aggregateVersion().isEmpty()) {
      count("issue " + issued.status(), committed);
      return;
    }
    String accessCodeId = issued.json().path("accessCodeId").asText();
    java.net.http.HttpRequest query =
        Api.get(
            api.query,
            "/organizations/"
                + user.organization().id()
                + "/users/"
                + user.id()
                + "?minVersion="
                + Workloads.encode(issued.aggregateVersion().get()),
            user.organization().adminToken());
    Api.Reply seen = api.send(query);
    // 503 NOT_YET_CONSISTENT: the view is more than 5 s behind; keep asking, the clock running.
    while (seen.status() == 503 && System.nanoTime() - committed < GIVE_UP.toNanos()) {
      seen = api.send(query);
    }
    long visible = System.nanoTime();
    if (seen.status() != 200 || !seen.body().contains(accessCodeId)) {
      count("query " + seen.status(), committed);
      return;
    }
    if (committed >= recordFrom && committed <= recordUntil) {
      probes.incrementAndGet();
      lagMicros.recordValue(Math.min(60_000_000L, (visible - committed) / 1000));
    }
  }

  long probes() {
    return probes.get();
  }

  private void count(String error, long at) {
    if (at >= recordFrom) {
      probes.incrementAndGet();
      errors.merge(error, 1L, Long::sum);
    }
  }
}
