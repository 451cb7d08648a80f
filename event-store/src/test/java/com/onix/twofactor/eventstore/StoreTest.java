package com.onix.twofactor.eventstore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The contract every behaviour test runs under: a fresh store in the current layout, on whichever
 * backend {@link TestStore} is configured for.
 */
abstract class StoreTest {

  protected TestStore store;
  protected EventLog log;

  @BeforeEach
  void openStore() {
    store = TestStore.open();
    log = store.eventLog();
    new LegacyLayoutMigration(log).run(); // an empty store: declares the index, marks it ready
  }

  @AfterEach
  void closeStore() {
    store.close();
  }
}
