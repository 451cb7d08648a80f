package com.onix.twofactor.support.testing;

import com.onix.twofactor.support.security.LocalSigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh data directory for a service under test that trusts only the local signing key kept
 * there, as {@code ./onix up} runs it without an identity provider: the properties that set the
 * service up so, and tokens signed with that key.
 */
public final class LocalSigningDataDirectory {

  private final Path path;

  private LocalSigningDataDirectory(Path path) {
    this.path = path;
  }

  /** A new temporary directory whose name starts with the prefix. */
  public static LocalSigningDataDirectory create(String prefix) {
    try {
      return new LocalSigningDataDirectory(Files.createTempDirectory(prefix));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path path() {
    return path;
  }

  /** For a {@code @DynamicPropertySource}: this data directory, the local issuer, no other keys. */
  public void register(DynamicPropertyRegistry registry) {
    registry.add("onix.data-dir", path::toString);
    registry.add("onix.security.issuer", () -> LocalSigningKey.LOCAL_ISSUER);
    registry.add("onix.security.jwks-uri", () -> "");
    registry.add("onix.security.jwk-set-file", () -> "");
  }

  /** Tokens signed with this directory's local key. */
  public Tokens tokens() {
    return new Tokens(path);
  }
}
