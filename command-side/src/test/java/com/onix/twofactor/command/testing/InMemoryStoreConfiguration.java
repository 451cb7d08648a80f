package com.onix.twofactor.command.testing;

import com.onix.twofactor.command.store.EmbeddedBackendOverride;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Makes the command side host its embedded store in memory, on a random port. */
@TestConfiguration(proxyBeanMethods = false)
public class InMemoryStoreConfiguration {

  @Bean
  EmbeddedBackendOverride embeddedBackendOverride() {
    return new EmbeddedBackendOverride(new MemoryBackend());
  }
}
