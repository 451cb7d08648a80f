package com.onix.twofactor.support.store;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives.
 *
 * @param mongoUri a real MongoDB (replica set) to use; empty means the embedded store
 * @param database the database both services use
 * @param embeddedPort the loopback port the command side serves the embedded store on
 */
@ConfigurationProperties("onix.store")
public record StoreSettings(String mongoUri, String database, int embeddedPort) {

  public StoreSettings {
    database = database == null || database.isBlank() ? "onix" : database;
  }

  public boolean embedded() {
    return mongoUri == null || mongoUri.isBlank();
  }
}
