package com.onix.twofactor.support.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one Mongo client of a service: the configured MongoDB, or the embedded store on its Unix
 * domain socket. Writes wait for a journaled majority, so an acknowledged write survives a
 * primary's loss.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreSettings.class)
public class MongoConnection {

  @Bean(destroyMethod = "close")
  MongoClient mongoClient(
      StoreSettings settings,
      ObjectProvider<EmbeddedStoreEndpoint> hosted,
      @Value("${onix.data-dir}") Path dataDirectory,
      @Value("${server.address:}") String bindAddress) {
    if (settings.embedded()) {
      EmbeddedModeBind.requireLoopback(bindAddress);
    }
    ConnectionString address =
        new ConnectionString(uriFor(settings, hosted.getIfAvailable(), dataDirectory));
    MongoClientSettings.Builder client =
        MongoClientSettings.builder()
            .applyConnectionString(address)
            .applyToClusterSettings(c -> c.serverSelectionTimeout(10, TimeUnit.SECONDS))
            .applyToSocketSettings(s -> s.connectTimeout(5, TimeUnit.SECONDS));
    if (address.getWriteConcern() == null) {
      client.writeConcern(WriteConcern.MAJORITY.withJournal(true));
    }
    if (address.getReadConcern() == null && !settings.embedded()) {
      client.readConcern(ReadConcern.MAJORITY);
    }
    return MongoClients.create(client.build());
  }

  @Bean
  MongoDatabase mongoDatabase(MongoClient client, StoreSettings settings) {
    return client.getDatabase(settings.database());
  }

  static String uriFor(StoreSettings settings, EmbeddedStoreEndpoint hosted, Path dataDirectory) {
    if (!settings.embedded()) {
      return settings.mongoUri();
    }
    return EmbeddedStoreSocket.connectionString(
        hosted != null ? hosted.socket() : EmbeddedStoreSocket.in(dataDirectory));
  }
}
