package com.onix.twofactor.command.store;

import java.nio.file.Path;

/** The embedded store's file cannot be read whole: the service refuses to start on it. */
public final class StoreCorruptedException extends RuntimeException {

  private final transient Path file;

  StoreCorruptedException(Path file, String finding, Throwable cause) {
    super("The embedded store file " + file + " is corrupt: " + finding, cause);
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /** What the operator does about it. */
  public String remedy() {
    return "Stop the services and restore the newest backup (./onix restore DIR, see the README's"
        + " Backup and restore), or move "
        + file.getParent()
        + " aside to start on an empty store.";
  }
}
