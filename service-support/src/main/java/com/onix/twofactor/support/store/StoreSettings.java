package com.onix.twofactor.support.store;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives.
 *
 * @param mongoUri a real MongoDB (replica set) to use; empty means the embedded store, on its Unix
 *     domain socket under the data directory (see {@link EmbeddedStoreSocket})
 * @param database the database both services use
 */
@ConfigurationProperties("onix.store")
public record StoreSettings(String mongoUri, String database) {

  public StoreSettings {
    database = database == null || database.isBlank() ? "onix" : database;
  }

  public boolean embedded() {
    return mongoUri == null || mongoUri.isBlank();
  }
}
