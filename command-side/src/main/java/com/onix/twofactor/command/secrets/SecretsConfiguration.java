package com.onix.twofactor.command.secrets;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class SecretsConfiguration {

  @Bean
  DataKeyStore dataKeyStore(
      MongoDatabase database,
      @Value("${onix.master-key:}") String masterKey,
      @Value("${onix.data-dir}") Path dataDirectory,
      Clock clock) {
    return new MongoDataKeyStore(database, MasterKey.load(masterKey, dataDirectory), clock);
  }
}
