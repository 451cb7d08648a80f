package com.onix.twofactor.command.metrics;

import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** The metrics processor subscribes: it sees each event once, as this node stores it. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

  @Autowired
  void metricsProcessor(EventProcessingConfigurer processing) {
    processing.registerSubscribingEventProcessor(TwoFactorMetrics.PROCESSOR);
  }
}
