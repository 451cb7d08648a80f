package com.onix.twofactor.benchmark;

import com.onix.twofactor.benchmark.Population.BenchUser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Seeds through the public API, as admins would write the history: access codes issued over and
 * over (each one an {@code AccessCodeIssued}, and an {@code AccessCodeRevoked} for the code it
 * supersedes). A few hundred commands a second: fine for tens of thousands of events, too slow for
 * a million, which is {@link BulkHistorySeeder}'s job.
 */
final class HttpHistorySeeder implements HistorySeeder {

  @Override
  public String name() {
    return "http";
  }

  @Override
  public void seed(long targetEvents, Context context) throws Exception {
    List<BenchUser> eligible = new ArrayList<>(context.population().accessCodeEligible());
    Collections.shuffle(eligible);
    ConcurrentLinkedQueue<BenchUser> users = new ConcurrentLinkedQueue<>(eligible);
    AtomicBoolean reached =
        new AtomicBoolean(context.status().now().eventsInStore() >= targetEvents);
    ExecutorService pool = Executors.newFixedThreadPool(context.connections());
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int i = 0; i < context.connections(); i++) {
        workers.add(
            pool.submit(
                () -> {
                  while (!reached.get()) {
                    BenchUser user = users.poll();
                    try {
                      context.api().send(Workloads.issueRequest(context.api(), user)).expect(201);
                    } finally {
                      users.add(user);
                    }
                  }
                  return null;
                }));
      }
      long reported = 0;
      while (!reached.get()) {
        Thread.sleep(250);
        long stored = context.status().now().eventsInStore();
        if (stored >= targetEvents) {
          reached.set(true);
        } else if (stored - reported >= 10_000) {
          context.progress().say("  seeding: %,d of %,d events", stored, targetEvents);
          reported = stored;
        }
        for (Future<?> worker : workers) {
          if (worker.isDone()) {
            PopulationLoader.unwrap(worker);
          }
        }
      }
      for (Future<?> worker : workers) {
        PopulationLoader.unwrap(worker);
      }
    } finally {
      reached.set(true);
      pool.shutdownNow();
    }
  }
}
