package com.onix.twofactor.command.store;

import com.onix.twofactor.support.store.EmbeddedStoreEndpoint;
import com.onix.twofactor.support.store.StoreSettings;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hosts the embedded store unless a MongoDB URI is configured. */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

  /** Absent when a real MongoDB is configured. */
  @Bean(destroyMethod = "close")
  EmbeddedStore embeddedStore(
      StoreSettings settings,
      @Value("${onix.data-dir}") Path dataDirectory,
      ObjectProvider<EmbeddedBackendOverride> override) {
    if (!settings.embedded()) {
      return null;
    }
    EmbeddedBackendOverride test = override.getIfAvailable();
    return test != null
        ? EmbeddedStore.inMemory(test.backend(), 0)
        : EmbeddedStore.onDisk(dataDirectory.resolve("store"), settings.embeddedPort());
  }

  @Bean
  EmbeddedStoreEndpoint embeddedStoreEndpoint(ObjectProvider<EmbeddedStore> store) {
    EmbeddedStore hosted = store.getIfAvailable();
    return hosted == null ? null : hosted::address;
  }

  @Bean
  StoreDurability storeDurability(ObjectProvider<EmbeddedStore> store) {
    EmbeddedStore hosted = store.getIfAvailable();
    return hosted == null ? StoreDurability.WRITE_CONCERN : hosted.durability();
  }
}
