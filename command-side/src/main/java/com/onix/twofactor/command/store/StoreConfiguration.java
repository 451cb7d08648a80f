package com.onix.twofactor.command.store;

import com.onix.twofactor.support.store.EmbeddedModeBind;
import com.onix.twofactor.support.store.EmbeddedStoreEndpoint;
import com.onix.twofactor.support.store.EmbeddedStoreSocket;
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
      @Value("${server.address:}") String bindAddress,
      ObjectProvider<EmbeddedBackendOverride> override,
      ObjectProvider<CollectionEviction> evictions) {
    if (!settings.embedded()) {
      return null;
    }
    EmbeddedModeBind.requireLoopback(bindAddress);
    Path socket = EmbeddedStoreSocket.in(dataDirectory);
    EmbeddedBackendOverride test = override.getIfAvailable();
    return test != null
        ? EmbeddedStore.inMemory(test.backend(), socket)
        : EmbeddedStore.onDisk(
            dataDirectory.resolve("store"), socket, evictions.orderedStream().toList());
  }

  @Bean
  EmbeddedStoreEndpoint embeddedStoreEndpoint(ObjectProvider<EmbeddedStore> store) {
    EmbeddedStore hosted = store.getIfAvailable();
    return hosted == null ? null : hosted::socket;
  }

  @Bean
  StoreDurability storeDurability(ObjectProvider<EmbeddedStore> store) {
    EmbeddedStore hosted = store.getIfAvailable();
    return hosted == null ? StoreDurability.WRITE_CONCERN : hosted.durability();
  }
}
