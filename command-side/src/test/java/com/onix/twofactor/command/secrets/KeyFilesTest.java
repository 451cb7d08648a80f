package com.onix.twofactor.command.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data keys in files of their own: stored owner-only, and once destroyed, in no file at all. */
class KeyFilesTest {

  @TempDir Path data;

  private static WrappedKey key(String userId) {
    byte[] wrapped = new byte[60];
    new SecureRandom().nextBytes(wrapped);
    return new WrappedKey(
        UUID.randomUUID().toString(), userId, 2, wrapped, Instant.ofEpochMilli(1234));
  }

  @Test
  void aKeyIsReadBackAsStoredFromAnOwnerOnlyFile() throws IOException {
    KeyFiles files = new KeyFiles(data.resolve("keys"));
    WrappedKey stored = key("user-1");

    files.put(stored);

    WrappedKey read = files.get(stored.keyId()).orElseThrow();
    assertThat(read.wrapped()).isEqualTo(stored.wrapped());
    assertThat(read.userId()).isEqualTo("user-1");
    assertThat(read.createdAt()).isEqualTo(stored.createdAt());
    assertThat(read.version()).isEqualTo(2);
    assertThat(Files.getPosixFilePermissions(data.resolve("keys")))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(Files.getPosixFilePermissions(data.resolve("keys").resolve(stored.keyId() + ".key")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void aDestroyedKeyIsInNoFileAndOthersStay() throws IOException {
    KeyFiles files = new KeyFiles(data.resolve("keys"));
    WrappedKey destroyed = key("user-1");
    WrappedKey kept = key("user-2");
    files.put(destroyed);
    files.put(kept);
    assertThat(filesHolding(destroyed.wrapped())).hasSize(1);

    files.delete(destroyed.keyId());

    assertThat(files.get(destroyed.keyId())).isEmpty();
    assertThat(filesHolding(destroyed.wrapped())).isEmpty();
    assertThat(files.get(kept.keyId())).isPresent();
    assertThat(files.all()).extracting(WrappedKey::keyId).containsExactly(kept.keyId());
    files.delete(destroyed.keyId()); // again: nothing to do
  }

  @Test
  void aReplacedKeyLeavesNoCopyOfItsOldForm() throws IOException {
    KeyFiles files = new KeyFiles(data.resolve("keys"));
    WrappedKey old = key("user-1");
    files.put(old);
    WrappedKey rewrapped =
        new WrappedKey(old.keyId(), "user-1", 2, key("x").wrapped(), old.createdAt());

    files.replace(rewrapped);

    assertThat(files.get(old.keyId()).orElseThrow().wrapped()).isEqualTo(rewrapped.wrapped());
    assertThat(filesHolding(old.wrapped())).isEmpty();
  }

  @Test
  void aNameThatIsNoKeyIdReadsNothing() {
    KeyFiles files = new KeyFiles(data.resolve("keys"));

    assertThat(files.get("../master")).isEmpty();
  }

  private List<Path> filesHolding(byte[] needle) throws IOException {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> all = Files.walk(data)) {
      for (Path file : all.filter(Files::isRegularFile).toList()) {
        if (new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)
            .contains(new String(needle, java.nio.charset.StandardCharsets.ISO_8859_1))) {
          found.add(file);
        }
      }
    }
    return found;
  }

  @Test
  void whatAnInterruptedWriteLeftIsDiscardedOnceOld() throws IOException {
    KeyFiles files = new KeyFiles(data.resolve("keys"));
    WrappedKey kept = key("user-1");
    files.put(kept);
    Path unfinished = data.resolve("keys").resolve(UUID.randomUUID() + ".new");
    Files.write(unfinished, key("user-2").wrapped());

    files.discardUnfinishedWrites(Instant.now().minusSeconds(60));
    assertThat(unfinished).as("too young to tell").exists();
    files.discardUnfinishedWrites(Instant.now().plusSeconds(1));

    assertThat(unfinished).doesNotExist();
    assertThat(files.get(kept.keyId())).isPresent();
  }
}
