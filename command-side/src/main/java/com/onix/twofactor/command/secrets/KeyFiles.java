package com.onix.twofactor.command.secrets;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Data keys as one small file each in an owner-only directory beside the embedded store, never in
 * the store itself: the store's log-structured file keeps old copies of what it deletes, a file
 * here is overwritten with zeros, synced and then removed, so a destroyed key leaves no copy in any
 * file the service writes. Each key is a file of its own, so command sides on one host sharing the
 * directory need no lock.
 */
public final class KeyFiles implements WrappedKeys {

  private static final Pattern KEY_ID =
      Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
  private static final String SUFFIX = ".key";
  private static final String UNFINISHED = ".new";
  private static final int MAGIC = 0x4f4e4b31; // "ONK1"

  private final Path directory;

  /** Writes and deletes share it; a backup holds it alone, so its copy matches its store copy. */
  private final ReentrantReadWriteLock changes = new ReentrantReadWriteLock();

  public KeyFiles(Path directory) {
    this.directory = directory;
    try {
      Files.createDirectories(directory);
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the key directory " + directory, e);
    }
  }

  @Override
  public void put(WrappedKey key) {
    changing(() -> write(key, false));
  }

  @Override
  public void replace(WrappedKey key) {
    // The old form is overwritten before the new one takes its name.
    changing(() -> write(key, true));
  }

  @Override
  public Optional<WrappedKey> get(String keyId) {
    if (!KEY_ID.matcher(keyId).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(read(keyId, Files.readAllBytes(fileOf(keyId))));
    } catch (NoSuchFileException gone) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read data key " + keyId, e);
    }
  }

  @Override
  public void delete(String keyId) {
    if (KEY_ID.matcher(keyId).matches()) {
      changing(() -> destroy(keyId));
    }
  }

  private void destroy(String keyId) {
    Path file = fileOf(keyId);
    try {
      overwriteWithZeros(file);
      Files.deleteIfExists(file);
      syncDirectory();
    } catch (NoSuchFileException gone) {
      // already destroyed
    } catch (IOException e) {
      throw new UncheckedIOException("cannot destroy data key " + keyId, e);
    }
  }

  @Override
  public List<WrappedKey> all() {
    List<WrappedKey> keys = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(SUFFIX)) {
          get(name.substring(0, name.length() - SUFFIX.length())).ifPresent(keys::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the key directory " + directory, e);
    }
    return keys;
  }

  @Override
  public void discardUnfinishedWrites(Instant before) {
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        if (file.getFileName().toString().endsWith(UNFINISHED)
            && Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
          overwriteWithZeros(file);
          Files.deleteIfExists(file);
        }
      }
      syncDirectory();
    } catch (NoSuchFileException gone) {
      // another process discarded it first
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear the key directory " + directory, e);
    }
  }

  /**
   * Copies every key file into {@code target} (created owner-only) while no key is written or
   * destroyed, and runs {@code alongside} (the store's snapshot) within the same pause: each key
   * the copied store names is in the copy, and none it no longer names was destroyed only after.
   */
  public void copyConsistentlyWith(Path target, Runnable alongside) {
    changes.writeLock().lock();
    try {
      alongside.run();
      Files.createDirectories(target);
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
      try (Stream<Path> files = Files.list(directory)) {
        for (Path file : files.toList()) {
          if (file.getFileName().toString().endsWith(SUFFIX)) {
            Files.copy(
                file, target.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the key directory " + directory, e);
    } finally {
      changes.writeLock().unlock();
    }
  }

  private void changing(Runnable change) {
    changes.readLock().lock();
    try {
      change.run();
    } finally {
      changes.readLock().unlock();
    }
  }

  private Path fileOf(String keyId) {
    if (!KEY_ID.matcher(keyId).matches()) {
      throw new IllegalArgumentException("not a key id");
    }
    return directory.resolve(keyId + SUFFIX);
  }

  private void write(WrappedKey key, boolean replacing) {
    Path file = fileOf(key.keyId());
    Path temporary = directory.resolve(key.keyId() + UNFINISHED);
    try {
      if (!replacing && Files.exists(file)) {
        throw new IllegalStateException("data key " + key.keyId() + " exists already");
      }
      Files.deleteIfExists(temporary);
      Files.createFile(
          temporary,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap(serialize(key)));
        channel.force(true);
      }
      if (replacing) {
        overwriteWithZeros(file);
      }
      try {
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
      syncDirectory();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store data key " + key.keyId(), e);
    }
  }

  /** Writes zeros over the file's bytes where they lie, and waits for the disk. */
  private static void overwriteWithZeros(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ByteBuffer zeros = ByteBuffer.allocate((int) channel.size());
      while (zeros.hasRemaining()) {
        channel.write(zeros, zeros.position());
      }
      channel.force(true);
    }
  }

  private void syncDirectory() throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  private static byte[] serialize(WrappedKey key) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(key.version());
      out.writeUTF(key.userId());
      out.writeLong(key.createdAt().toEpochMilli());
      out.writeInt(key.wrapped().length);
      out.write(key.wrapped());
    }
    return bytes.toByteArray();
  }

  private static WrappedKey read(String keyId, byte[] content) throws IOException {
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(content))) {
      if (in.readInt() != MAGIC) {
        throw new IOException("not a data key file");
      }
      int version = in.readInt();
      String userId = in.readUTF();
      Instant createdAt = Instant.ofEpochMilli(in.readLong());
      byte[] wrapped = new byte[in.readInt()];
      in.readFully(wrapped);
      return new WrappedKey(keyId, userId, version, wrapped, createdAt);
    }
  }
}
