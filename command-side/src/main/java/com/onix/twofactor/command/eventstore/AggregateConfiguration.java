package com.onix.twofactor.command.eventstore;

import com.onix.twofactor.eventstore.CommitLogStorageEngine;
import com.onix.twofactor.eventstore.EventStoreConfiguration;
import com.onix.twofactor.kernel.audit.AuditMetadata;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * How the aggregates are stored and loaded: the shared event store, the audit metadata that
 * commands pass on to their events, the aggregate caches and when snapshots are taken.
 */
@Configuration(proxyBeanMethods = false)
@Import(EventStoreConfiguration.class)
public class AggregateConfiguration {

  /** Events replayed on a load before a snapshot is taken; loads stay this short. */
  static final int SNAPSHOT_AFTER_EVENTS = 50;

  /** Aggregates kept per type: a few hundred bytes each, so tens of megabytes at most. */
  static final long CACHED_AGGREGATES = 100_000;

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
  Cache organizationCache(CommitLogStorageEngine store) {
    return new VersionCheckedCache(CACHED_AGGREGATES, store::hasEventsAfter);
  }

  @Bean
  Cache userCache(CommitLogStorageEngine store) {
    return new VersionCheckedCache(CACHED_AGGREGATES, store::hasEventsAfter);
  }

  @Bean
  SnapshotTriggerDefinition snapshotTrigger(Snapshotter snapshotter) {
    return new EventCountSnapshotTriggerDefinition(snapshotter, SNAPSHOT_AFTER_EVENTS);
  }
}
