package com.onix.twofactor.eventstore;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event store both sides use: one storage-engine bean, in one place. Imported by each side's
 * own configuration so that it is defined before Axon's defaults are considered.
 *
 * <p>{@code onix.event-store.migrate=true} (the command side) brings an older store to this layout
 * before the engine is handed out, so no command runs against a half-migrated store; readers (the
 * query side) wait until the store says it is ready.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

  @Bean
  EventLog eventLog(MongoDatabase database) {
    return new EventLog(database);
  }

  @Bean
  CommitLogStorageEngine eventStorageEngine(
      EventLog log,
      @Qualifier("eventSerializer") Serializer eventSerializer,
      List<EventUpcaster> upcasters,
      @Value("${onix.event-store.migrate:false}") boolean migrate,
      @Value("${onix.event-store.gap-timeout:1s}") Duration gapTimeout,
      ObjectProvider<MeterRegistry> meters) {
    log.ensureIndexes(); // the unique global index is what makes a seal and a commit collide
    if (migrate) {
      new LegacyLayoutMigration(log).run();
    }
    return CommitLogStorageEngine.builder()
        .eventLog(log)
        .gapTimeout(gapTimeout)
        .metrics(
            meters.stream()
                .findFirst()
                .map(EventStoreMetrics::new)
                .orElseGet(EventStoreMetrics::unobserved))
        .snapshotSerializer(SnapshotSerializer.create())
        .eventSerializer(eventSerializer)
        .upcasterChain(new EventUpcasterChain(upcasters))
        .build();
  }
}
