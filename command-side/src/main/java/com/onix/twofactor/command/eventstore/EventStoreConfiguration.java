package com.onix.twofactor.command.eventstore;

import com.mongodb.client.MongoClient;
import com.onix.twofactor.kernel.audit.AuditMetadata;
import com.onix.twofactor.support.store.StoreSettings;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event store: one storage-engine bean in one place, since its layout is expected to change.
 * Also the message plumbing every command shares: the audit metadata that commands pass on to their
 * events, and the aggregate caches.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

  @Bean
  EventStorageEngine eventStorageEngine(
      MongoClient client,
      StoreSettings settings,
      Serializer serializer,
      @Qualifier("eventSerializer") Serializer eventSerializer) {
    return MongoEventStorageEngine.builder()
        .mongoTemplate(
            DefaultMongoTemplate.builder().mongoDatabase(client, settings.database()).build())
        .snapshotSerializer(serializer)
        .eventSerializer(eventSerializer)
        .build();
  }

  @Bean
  CorrelationDataProvider auditMetadataPropagation() {
    return new SimpleCorrelationDataProvider(
        List.of(
                AuditMetadata.ACTOR_ID,
                AuditMetadata.ACTOR_ROLES,
                AuditMetadata.CORRELATION_ID,
                AuditMetadata.REQUEST_TIME)
            .toArray(String[]::new));
  }

  /**
   * One cache per aggregate type, referenced by name from {@code @Aggregate(cache = ...)}: a
   * repository answers whatever its cache holds under an id, so a shared cache would hand a user to
   * a command for an organization with the same id.
   */
  @Bean
  Cache organizationCache() {
    return new WeakReferenceCache();
  }

  @Bean
  Cache userCache() {
    return new WeakReferenceCache();
  }
}
