package com.onix.twofactor.support.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's top directory, found upwards from where the tests run (a module's). */
public final class RepositoryRoot {

  private RepositoryRoot() {}

  public static Path find() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("onix")) && Files.isDirectory(dir.resolve("docs"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no repository (with ./onix and docs/) above the test's directory");
  }
}
