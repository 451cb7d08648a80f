package com.onix.twofactor.support.store;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The embedded mode is for one host: its store has no authentication, and the master key and the
 * development signing key lie in the data directory beside it. A service in that mode refuses to
 * listen on anything but a loopback address.
 */
public final class EmbeddedModeBind {

  private EmbeddedModeBind() {}

  /**
   * @param bindAddress the address the service's HTTP server listens on ({@code server.address});
   *     empty means every interface
   */
  public static void requireLoopback(String bindAddress) {
    if (bindAddress == null || bindAddress.isBlank() || !isLoopback(bindAddress.strip())) {
      throw new IllegalStateException(
          "The embedded store serves one host only, but ONIX_BIND_ADDRESS is '"
              + (bindAddress == null ? "" : bindAddress.strip())
              + "', not a loopback address: bind to 127.0.0.1, or set ONIX_MONGO_URI to a MongoDB"
              + " with authentication to serve other hosts");
    }
  }

  private static boolean isLoopback(String address) {
    try {
      for (InetAddress resolved : InetAddress.getAllByName(address)) {
        if (!resolved.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
