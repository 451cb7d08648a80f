package com.onix.twofactor.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * A service's heap over the whole run, from the flight recording {@code ./onix bench} starts it
 * with: every garbage collection records the heap before and after it, so the peak before a
 * collection is the most the heap ever held, and the peak after one is the most that was live.
 * Sampling a metric instead would miss the peaks between samples.
 */
final class HeapReport {

  static final String RECORDING = "onix-bench";

  record Heap(
      long peakUsedBytes,
      long peakLiveBytes,
      long maxBytes,
      long collections,
      double pauseSeconds,
      boolean alive) {}

  private HeapReport() {}

  /** Dumps the recording of process {@code pid} into {@code file} and reads it; null if none. */
  static Heap of(long pid, Path file, Progress progress) {
    if (pid <= 0) {
      return null;
    }
    boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    if (!alive) {
      return new Heap(0, 0, 0, 0, 0, false);
    }
    try {
      Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
      Process dump =
          new ProcessBuilder(
                  jcmd.toString(),
                  Long.toString(pid),
                  "JFR.dump",
                  "name=" + RECORDING,
                  "filename=" + file.toAbsolutePath())
              .redirectErrorStream(true)
              .start();
      String out = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!dump.waitFor(60, TimeUnit.SECONDS) || dump.exitValue() != 0 || !Files.exists(file)) {
        progress.say("  no flight recording from process %d: %s", pid, out.strip());
        return null;
      }
      return read(file);
    } catch (IOException e) {
      progress.say("  cannot read the flight recording of process %d: %s", pid, e.getMessage());
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  static Heap read(Path file) throws IOException {
    long peakUsed = 0;
    long peakLive = 0;
    long max = 0;
    long collections = 0;
    double pauses = 0;
    try (RecordingFile recording = new RecordingFile(file)) {
      while (recording.hasMoreEvents()) {
        RecordedEvent event = recording.readEvent();
        switch (event.getEventType().getName()) {
          case "jdk.GCHeapSummary" -> {
            long used = event.getLong("heapUsed");
            peakUsed = Math.max(peakUsed, used);
            if ("After GC".equals(event.getString("when"))) {
              peakLive = Math.max(peakLive, used);
            }
          }
          case "jdk.GCHeapConfiguration" -> max = Math.max(max, event.getLong("maxSize"));
          case "jdk.GarbageCollection" -> {
            collections++;
            pauses += event.getDuration("sumOfPauses").toNanos() / 1e9;
          }
          default -> {}
        }
      }
    }
    return new Heap(peakUsed, peakLive, max, collections, pauses, true);
  }
}
