package com.onix.twofactor.support.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Among a {@code @SpringBootTest}'s classes: the service's clock is a {@link MovableClock}, which
 * the test autowires and moves by hand.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MovableClockConfiguration {

  @Bean
  @Primary
  public MovableClock movableClock() {
    return new MovableClock();
  }
}
