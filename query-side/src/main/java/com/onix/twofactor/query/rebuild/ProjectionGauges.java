package com.onix.twofactor.query.rebuild;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * How far the projections are behind the event store, in events: read when scraped, from the
 * processor's own position and the store's head (a key lookup or a few).
 */
@Component
class ProjectionGauges {

  ProjectionGauges(MeterRegistry registry, ViewRebuild rebuild) {
    Gauge.builder("onix.projection.position", rebuild, r -> r.progress().eventsProjected())
        .description("Events of the store the views have taken in")
        .register(registry);
    Gauge.builder("onix.projection.lag", rebuild, ProjectionGauges::lag)
        .description("Events stored that the views have not taken in yet")
        .register(registry);
    Gauge.builder("onix.projection.rebuilding", rebuild, r -> r.viewsComplete() ? 0 : 1)
        .description("1 while the views are being rebuilt (queries answer 503 then)")
        .register(registry);
  }

  private static double lag(ViewRebuild rebuild) {
    ViewRebuild.Progress progress = rebuild.progress();
    return Math.max(0, progress.eventsInStore() - progress.eventsProjected());
  }
}
