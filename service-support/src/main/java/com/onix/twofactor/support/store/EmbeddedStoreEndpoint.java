package com.onix.twofactor.support.store;

import java.net.InetSocketAddress;

/**
 * Present in the process that hosts the embedded store (the command side), so that its own Mongo
 * client connects to the address the server actually bound, even port 0 in tests.
 */
public interface EmbeddedStoreEndpoint {

  InetSocketAddress address();
}
