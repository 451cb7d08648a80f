package com.onix.twofactor.benchmark;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one closed-loop measurement saw in its recorded window: latencies in microseconds, the
 * requests that did not get the expected status (by status, or the exception's name), and the CPU
 * each process used, in cores.
 */
record LoadResult(
    String name,
    int connections,
    double seconds,
    long requests,
    Map<String, Long> errors,
    Histogram latencyMicros,
    double starvedSeconds,
    double generatorCores,
    double commandCores,
    double queryCores) {

  double throughput() {
    return seconds > 0 ? requests / seconds : 0;
  }

  long errorCount() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }

  double percentileMillis(double percentile) {
    return latencyMicros.getTotalCount() == 0
        ? Double.NaN
        : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
  }
}
