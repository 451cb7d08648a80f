package com.onix.twofactor.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Another process that keeps every core of the machine busy, as a loaded build host does: one
 * spinning thread per core, for as long as the test holds it. It also stops by itself when the
 * test's JVM goes away (its standard input closes) or after ten minutes, whichever comes first.
 */
final class CpuSaturation implements AutoCloseable {

  private static final long LONGEST_LIFE_MINUTES = 10;

  private final Process process;

  private CpuSaturation(Process process) {
    this.process = process;
  }

  static CpuSaturation start() throws IOException {
    int cores = Runtime.getRuntime().availableProcessors();
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx16m",
                "-cp",
                classes().toString(),
                Spinner.class.getName(),
                Integer.toString(cores))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    return new CpuSaturation(process);
  }

  boolean running() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static Path classes() {
    try {
      return Path.of(Spinner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The load process itself. */
  static final class Spinner {

    private Spinner() {}

    public static void main(String[] args) throws Exception {
      int threads = Integer.parseInt(args[0]);
      for (int i = 0; i < threads; i++) {
        Thread spinner = new Thread(Spinner::spin, "spinner-" + i);
        spinner.setDaemon(true);
        spinner.start();
      }
      Thread orphaned =
          new Thread(
              () -> {
                try (InputStream parent = System.in) {
                  while (parent.read() >= 0) {
                    // nothing is ever sent: read() returns -1 once the parent is gone
                  }
                } catch (IOException gone) {
                  // the same
                }
                System.exit(0);
              },
              "parent-watch");
      orphaned.setDaemon(true);
      orphaned.start();
      Thread.sleep(TimeUnit.MINUTES.toMillis(LONGEST_LIFE_MINUTES));
      System.exit(0);
    }

    private static void spin() {
      long x = 1;
      while (true) {
        x = x * 6364136223846793005L + 1442695040888963407L;
        if (x == 42) {
          System.out.print(""); // keeps the loop from being proven dead
        }
      }
    }
  }
}
