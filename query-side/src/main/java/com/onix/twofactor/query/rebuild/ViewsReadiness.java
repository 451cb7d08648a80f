package com.onix.twofactor.query.rebuild;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of {@code /actuator/health/readiness}: out of service while the views rebuild, so a load
 * balancer sends sign-ins to a node whose views are whole. Liveness does not include it: a node
 * that is rebuilding is working, and restarting it would only start the rebuild over.
 */
@Component("views")
class ViewsReadiness implements HealthIndicator {

  private final ViewRebuild rebuild;

  ViewsReadiness(ViewRebuild rebuild) {
    this.rebuild = rebuild;
  }

  @Override
  public Health health() {
    return rebuild.viewsComplete()
        ? Health.up().build()
        : Health.outOfService().withDetail("views", "rebuilding").build();
  }
}
