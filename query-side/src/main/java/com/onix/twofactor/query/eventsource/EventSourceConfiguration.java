package com.onix.twofactor.query.eventsource;

import com.mongodb.client.MongoClient;
import com.onix.twofactor.eventstore.EventStoreConfiguration;
import com.onix.twofactor.query.view.ViewBatches;
import com.onix.twofactor.support.store.StoreSettings;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Where the projections read from: the command side's event store, tailed by tracking processors
 * whose positions live in a token store beside it. The query side never appends events.
 */
@Configuration(proxyBeanMethods = false)
@Import(EventStoreConfiguration.class)
public class EventSourceConfiguration {

  /** How often caught-up projections ask the store for new events. */
  private static final long POLL_MILLIS = 50;

  @Bean
  MongoTemplate axonMongoTemplate(MongoClient client, StoreSettings settings) {
    return DefaultMongoTemplate.builder().mongoDatabase(client, settings.database()).build();
  }

  /** The projections' source; see {@link StorePollingEventSource} for why not the event store. */
  @Bean
  StorePollingEventSource projectionSource(EventStorageEngine engine) {
    return new StorePollingEventSource(engine, POLL_MILLIS);
  }

  @Bean
  TokenStore tokenStore(MongoTemplate template, Serializer serializer, ViewBatches batches) {
    // A claim left by a killed instance blocks its successor until it times out: keep that short.
    return new ViewsFirstTokenStore(
        MongoTokenStore.builder()
            .mongoTemplate(template)
            .serializer(serializer)
            .claimTimeout(Duration.ofSeconds(5))
            .build(),
        batches);
  }

  /**
   * A projection that fails on an event must stop and retry, not skip it: Axon's default logs the
   * failure and moves on, which would leave a view silently wrong.
   */
  @Autowired
  void stopOnProjectionFailure(EventProcessingConfigurer processing) {
    processing.registerDefaultListenerInvocationErrorHandler(
        configuration -> PropagatingErrorHandler.instance());
  }
}
