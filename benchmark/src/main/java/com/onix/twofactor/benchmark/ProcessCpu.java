package com.onix.twofactor.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time a process has used so far: this JVM's own, or another's from Linux's /proc. */
final class ProcessCpu {

  /** USER_HZ, the unit of /proc/PID/stat's times, is 100 on every Linux this runs on. */
  private static final long NANOS_PER_TICK = 10_000_000L;

  private ProcessCpu() {}

  static long selfNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /** -1 when unknown (no pid given, not Linux, or the process is gone). */
  static long nanos(long pid) {
    if (pid <= 0) {
      return -1;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The command name, field 2, is in parentheses and may hold spaces: count from after it.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long userTicks = Long.parseLong(fields[11]);
      long systemTicks = Long.parseLong(fields[12]);
      return (userTicks + systemTicks) * NANOS_PER_TICK;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The generator's, the command side's and the query side's CPU time so far. */
  static long[] ofAll(long commandPid, long queryPid) {
    return new long[] {selfNanos(), nanos(commandPid), nanos(queryPid)};
  }

  /** Cores used between two readings over a window, NaN when either is unknown. */
  static double cores(long from, long until, long windowNanos) {
    return from < 0 || until < 0 ? Double.NaN : (until - from) / (double) windowNanos;
  }
}
