package com.onix.twofactor.command.secrets;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Clock;
import javax.crypto.SecretKey;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class SecretsConfiguration {

  @Bean
  SecretKey masterKey(
      @Value("${onix.master-key:}") String configured,
      @Value("${onix.data-dir}") Path dataDirectory) {
    return MasterKey.load(configured, dataDirectory);
  }

  @Bean
  DataKeyStore dataKeyStore(
      MongoDatabase database, @Qualifier("masterKey") SecretKey masterKey, Clock clock) {
    return new MongoDataKeyStore(database, masterKey, clock);
  }

  @Bean
  AccessCodeHasher accessCodeHasher(@Qualifier("masterKey") SecretKey masterKey) {
    return new AccessCodeHasher(masterKey);
  }
}
