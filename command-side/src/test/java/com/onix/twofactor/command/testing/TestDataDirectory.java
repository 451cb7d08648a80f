package com.onix.twofactor.command.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** One fresh data directory per test JVM, removed when it exits. */
public final class TestDataDirectory {

  public static final Path PATH = create();

  private TestDataDirectory() {}

  private static Path create() {
    try {
      Path directory = Files.createTempDirectory("onix-command-side-test-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(directory)));
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // best effort
    }
  }
}
