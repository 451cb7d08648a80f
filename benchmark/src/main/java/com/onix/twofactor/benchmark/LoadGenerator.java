package com.onix.twofactor.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Closed loop: N threads, each sending its next request as soon as the last one answered, for a
 * warm-up that is not recorded and then a recorded window. Closed-loop latencies are those of a
 * saturated server with N requests in flight (no coordinated-omission correction: there is no
 * intended rate to correct against).
 */
final class LoadGenerator {

  private static final long HIGHEST_MICROS = 120_000_000L;

  private final long commandPid;
  private final long queryPid;

  LoadGenerator(long commandPid, long queryPid) {
    this.commandPid = commandPid;
    this.queryPid = queryPid;
  }

  LoadResult run(
      String name,
      int connections,
      Duration warmup,
      Duration duration,
      Supplier<Operation> operationPerThread)
      throws InterruptedException {
    long start = System.nanoTime();
    long recordFrom = start + warmup.toNanos();
    long recordUntil = recordFrom + duration.toNanos();
    Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    LongAdder starvedNanos = new LongAdder();
    AtomicLong lastStop = new AtomicLong(recordFrom);
    List<Histogram> histograms = new ArrayList<>();
    List<LongAdder> counts = new ArrayList<>();
    CountDownLatch finished = new CountDownLatch(connections);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
      LongAdder count = new LongAdder();
      histograms.add(histogram);
      counts.add(count);
      Operation operation = operationPerThread.get();
      Thread thread =
          new Thread(
              () -> {
                try {
                  loop(operation, recordFrom, recordUntil, histogram, count, errors, starvedNanos);
                } finally {
                  lastStop.accumulateAndGet(System.nanoTime(), Math::max);
                  finished.countDown();
                }
              },
              name + "-" + i);
      thread.setDaemon(true);
      threads.add(thread);
    }
    threads.forEach(Thread::start);

    sleepUntil(recordFrom, finished);
    long[] cpuFrom = cpu();
    sleepUntil(recordUntil, finished);
    long[] cpuUntil = cpu();
    long cpuWindow = Math.max(1, System.nanoTime() - recordFrom);
    finished.await();

    Histogram merged = new Histogram(HIGHEST_MICROS, 3);
    histograms.forEach(merged::add);
    long requests = counts.stream().mapToLong(LongAdder::sum).sum();
    double seconds = (Math.min(lastStop.get(), recordUntil) - recordFrom) / 1e9;
    Map<String, Long> errorCounts = new TreeMap<>();
    errors.forEach((key, value) -> errorCounts.put(key, value.sum()));
    return new LoadResult(
        name,
        connections,
        seconds,
        requests,
        errorCounts,
        merged,
        starvedNanos.sum() / 1e9 / connections,
        ProcessCpu.cores(cpuFrom[0], cpuUntil[0], cpuWindow),
        ProcessCpu.cores(cpuFrom[1], cpuUntil[1], cpuWindow),
        ProcessCpu.cores(cpuFrom[2], cpuUntil[2], cpuWindow));
  }

  private static void loop(
      Operation operation,
      long recordFrom,
      long recordUntil,
      Histogram histogram,
      LongAdder count,
      Map<String, LongAdder> errors,
      LongAdder starvedNanos) {
    while (true) {
      long now = System.nanoTime();
      if (now >= recordUntil) {
        return;
      }
      Operation.Prepared request;
      try {
        request = operation.prepare();
      } catch (Exception e) {
        errors
            .computeIfAbsent("prepare " + e.getClass().getSimpleName(), k -> new LongAdder())
            .increment();
        continue;
      }
      if (request == Operation.EXHAUSTED) {
        return;
      }
      if (request == null) {
        long pause = Math.min(50_000_000L, recordUntil - now);
        sleepNanos(pause);
        if (now >= recordFrom) {
          starvedNanos.add(pause);
        }
        continue;
      }
      long sent = System.nanoTime();
      String failure;
      try {
        int status = request.send();
        failure = status == operation.expectedStatus() ? null : Integer.toString(status);
      } catch (Exception e) {
        failure = e.getClass().getSimpleName();
      }
      long answered = System.nanoTime();
      if (sent < recordFrom || answered > recordUntil) {
        continue;
      }
      count.increment();
      histogram.recordValue(Math.min(HIGHEST_MICROS, (answered - sent) / 1000));
      if (failure != null) {
        errors.computeIfAbsent(failure, k -> new LongAdder()).increment();
      }
    }
  }

  private long[] cpu() {
    return ProcessCpu.ofAll(commandPid, queryPid);
  }

  private static void sleepUntil(long deadline, CountDownLatch finished)
      throws InterruptedException {
    long left = deadline - System.nanoTime();
    if (left > 0) {
      finished.await(left, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
  }

  private static void sleepNanos(long nanos) {
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
