package com.onix.twofactor.command.backup;

import com.onix.twofactor.command.secrets.KeyFiles;
import com.onix.twofactor.command.store.EmbeddedStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A consistent copy of what a working embedded installation needs, taken while it serves, into a
 * new owner-only directory under {@code backups/} of the data directory: the store's file (commits
 * paused for the copy), the data key files (copied in the same pause, see {@link
 * KeyFiles#copyConsistentlyWith}), and the key files that are fixed once made (the master key, the
 * development token key, the audit checkpoint key). ./onix backup moves it where the operator asks.
 */
public final class StoreBackup {

  /** Files the data directory holds once created and never changes. */
  static final List<String> FIXED_FILES =
      List.of("master.key", "jwt-signing-key.json", "audit-checkpoint-key.json");

  static final String BACKUPS = "backups";
  static final String MANIFEST = "BACKUP.txt";

  private static final DateTimeFormatter NAME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final EmbeddedStore store;
  private final KeyFiles keys;
  private final Path dataDirectory;
  private final Clock clock;

  public StoreBackup(EmbeddedStore store, KeyFiles keys, Path dataDirectory, Clock clock) {
    this.store = store;
    this.keys = keys;
    this.dataDirectory = dataDirectory;
    this.clock = clock;
  }

  /** Takes a backup; answers its directory, relative to the data directory. */
  public synchronized Path take() {
    String name = NAME.format(clock.instant());
    Path relative = Path.of(BACKUPS, name);
    Path target = dataDirectory.resolve(relative);
    try {
      ownerOnly(Files.createDirectories(dataDirectory.resolve(BACKUPS)));
      ownerOnly(Files.createDirectory(target));
      keys.copyConsistentlyWith(
          target.resolve("keys"), () -> store.copyTo(target.resolve("store").resolve("onix.mv")));
      ownerOnly(target.resolve("store"));
      List<String> copied = new ArrayList<>(List.of("store/onix.mv", "keys/"));
      for (String fixed : FIXED_FILES) {
        Path file = dataDirectory.resolve(fixed);
        if (Files.exists(file)) {
          Files.copy(file, target.resolve(fixed), StandardCopyOption.COPY_ATTRIBUTES);
          copied.add(fixed);
        }
      }
      Files.writeString(target.resolve(MANIFEST), manifest(name, copied), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the backup " + target, e);
    }
    return relative;
  }

  private static String manifest(String name, List<String> copied) {
    return "Onix backup "
        + name
        + "\nHolds: "
        + String.join(", ", copied)
        + "\nNot held: mail/, logs/, store-socket/; a master key given in ONIX_MASTER_KEY (keep"
        + " it with the backup yourself).\nIt holds secrets (data keys and the master key): keep"
        + " it like the data directory. Restore with ./onix restore DIR while the services are"
        + " stopped.\n";
  }

  private static Path ownerOnly(Path directory) throws IOException {
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
    return directory;
  }
}
