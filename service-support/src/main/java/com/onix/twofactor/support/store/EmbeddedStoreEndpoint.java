package com.onix.twofactor.support.store;

import java.nio.file.Path;

/**
 * Present in the process that hosts the embedded store (the command side), so that its own Mongo
 * client is made only once the server listens on its socket.
 */
public interface EmbeddedStoreEndpoint {

  Path socket();
}
