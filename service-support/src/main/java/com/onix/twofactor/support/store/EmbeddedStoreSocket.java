package com.onix.twofactor.support.store;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the embedded store listens: a Unix domain socket in an owner-only directory of the data
 * directory, so that only the services' own OS user can open it (the store has no authentication).
 * Both services derive it from the same data directory.
 */
public final class EmbeddedStoreSocket {

  static final String DIRECTORY = "store-socket";

  /** The MongoDB driver takes a host ending in {@code .sock} for a socket path. */
  static final String FILE = "store.sock";

  /** What {@code sun_path} holds on Linux, less its terminating zero. */
  private static final int LONGEST_PATH = 107;

  private EmbeddedStoreSocket() {}

  public static Path in(Path dataDirectory) {
    Path socket = dataDirectory.toAbsolutePath().normalize().resolve(DIRECTORY).resolve(FILE);
    if (socket.toString().getBytes(StandardCharsets.UTF_8).length > LONGEST_PATH) {
      throw new IllegalStateException(
          "The embedded store's socket path "
              + socket
              + " is longer than the "
              + LONGEST_PATH
              + " bytes a Unix domain socket allows: use a shorter ONIX_DATA_DIR");
    }
    if (!socket.toString().equals(socket.toString().toLowerCase(Locale.ROOT))) {
      // The driver lower-cases every host it is given, socket paths included, so
      // /home/Ann/data would be looked for as /home/ann/data.
      throw new IllegalStateException(
          "The embedded store's socket path "
              + socket
              + " holds capital letters, which the MongoDB driver cannot take: use an"
              + " ONIX_DATA_DIR whose absolute path is lower case");
    }
    if (socket.toString().contains(":")) {
      // The driver reads a host with a colon as host:port, socket paths included.
      throw new IllegalStateException(
          "The embedded store's socket path "
              + socket
              + " holds a ':', which the MongoDB driver cannot take: use an ONIX_DATA_DIR without");
    }
    return socket;
  }

  public static String connectionString(Path socket) {
    return "mongodb://"
        + URLEncoder.encode(socket.toString(), StandardCharsets.UTF_8).replace("+", "%20")
        + "/?directConnection=true";
  }
}
