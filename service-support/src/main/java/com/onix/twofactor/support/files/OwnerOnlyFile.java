package com.onix.twofactor.support.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Key files of the embedded default (signing key, master key): readable by their owner only, and
 * created once. Several processes starting together (both services, {@code ./onix token}) may all
 * try; the first one's content stands and the others read it.
 */
public final class OwnerOnlyFile {

  private OwnerOnlyFile() {}

  /** Writes {@code content} to {@code file} unless the file exists; either way, it exists after. */
  public static void createOnce(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Path draft =
        Files.createTempFile(
            file.getParent(),
            file.getFileName().toString(),
            ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.writeString(draft, content, StandardCharsets.UTF_8);
      // A hard link fails if the file exists, where a rename would replace it.
      Files.createLink(file, draft);
    } catch (FileAlreadyExistsException lostTheRace) {
      // another process created it first: its content stands
    } finally {
      Files.deleteIfExists(draft);
    }
  }
}
