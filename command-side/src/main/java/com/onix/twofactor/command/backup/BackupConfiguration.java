package com.onix.twofactor.command.backup;

import com.onix.twofactor.command.secrets.KeyFiles;
import com.onix.twofactor.command.secrets.WrappedKeys;
import com.onix.twofactor.command.store.EmbeddedStore;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Backups exist for the embedded store on disk with its key files, not for a real MongoDB. */
@Configuration(proxyBeanMethods = false)
class BackupConfiguration {

  @Bean
  StoreBackup storeBackup(
      ObjectProvider<EmbeddedStore> store,
      WrappedKeys keys,
      @Value("${onix.data-dir}") Path dataDirectory,
      Clock clock) {
    EmbeddedStore hosted = store.getIfAvailable();
    return hosted != null && hosted.onDisk() && keys instanceof KeyFiles files
        ? new StoreBackup(hosted, files, dataDirectory, clock)
        : null;
  }
}
