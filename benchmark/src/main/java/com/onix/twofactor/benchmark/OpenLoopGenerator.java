package com.onix.twofactor.benchmark;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Open loop: requests are due at a fixed rate, one every 1/R s, whether or not the earlier ones
 * have been answered, as sign-ins arrive in life. Each latency runs from the moment the request was
 * due, not from when a worker got round to sending it, so a server that falls behind shows its
 * queue in the figures (the correction for coordinated omission). Workers are many, so that the
 * generator itself is not the queue; a request due while all of them are busy waits, and its wait
 * counts.
 */
final class OpenLoopGenerator {

  private static final long HIGHEST_MICROS = 120_000_000L;

  private final long commandPid;
  private final long queryPid;

  OpenLoopGenerator(long commandPid, long queryPid) {
    this.commandPid = commandPid;
    this.queryPid = queryPid;
  }

  LoadResult run(
      String name,
      double perSecond,
      int workers,
      Duration warmup,
      Duration duration,
      Supplier<Operation> operationPerWorker)
      throws InterruptedException {
    long interval = Math.max(1, Math.round(1e9 / perSecond));
    long start = System.nanoTime();
    long recordFrom = start + warmup.toNanos();
    long recordUntil = recordFrom + duration.toNanos();
    Histogram latencies = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    LongAdder recorded = new LongAdder();
    Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    ThreadLocal<Operation> operations = ThreadLocal.withInitial(operationPerWorker);
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            task -> {
              Thread thread = new Thread(task, name + "-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    long[] cpuFrom = null;
    try {
      for (long due = start; due < recordUntil; due += interval) {
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        if (cpuFrom == null && due >= recordFrom) {
          cpuFrom = cpu();
        }
        long intended = due;
        boolean counted = due >= recordFrom;
        pool.execute(() -> send(operations.get(), intended, counted, latencies, recorded, errors));
      }
    } finally {
      pool.shutdown();
    }
    long[] cpuUntil = cpu();
    long cpuWindow = Math.max(1, System.nanoTime() - recordFrom);
    pool.awaitTermination(2, TimeUnit.MINUTES);
    pool.shutdownNow();
    Map<String, Long> errorCounts = new TreeMap<>();
    errors.forEach((key, value) -> errorCounts.put(key, value.sum()));
    if (cpuFrom == null) {
      cpuFrom = cpuUntil;
    }
    return new LoadResult(
        name,
        workers,
        duration.toNanos() / 1e9,
        recorded.sum(),
        errorCounts,
        latencies,
        0,
        ProcessCpu.cores(cpuFrom[0], cpuUntil[0], cpuWindow),
        ProcessCpu.cores(cpuFrom[1], cpuUntil[1], cpuWindow),
        ProcessCpu.cores(cpuFrom[2], cpuUntil[2], cpuWindow));
  }

  private static void send(
      Operation operation,
      long intended,
      boolean counted,
      Histogram latencies,
      LongAdder recorded,
      Map<String, LongAdder> errors) {
    String failure;
    try {
      Operation.Prepared request = operation.prepare();
      if (request == null || request == Operation.EXHAUSTED) {
        failure = "starved"; // no request could be made in time: the population is too small
      } else {
        int status = request.send();
        failure = status == operation.expectedStatus() ? null : Integer.toString(status);
      }
    } catch (Exception e) {
      failure = e.getClass().getSimpleName();
    }
    long answered = System.nanoTime();
    if (!counted) {
      return;
    }
    recorded.increment();
    latencies.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, answered - intended) / 1000));
    if (failure != null) {
      errors.computeIfAbsent(failure, k -> new LongAdder()).increment();
    }
  }

  private long[] cpu() {
    return ProcessCpu.ofAll(commandPid, queryPid);
  }
}
