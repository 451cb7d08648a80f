package com.onix.twofactor.command.metrics;

import com.onix.twofactor.kernel.accesscode.AccessCodeIssued;
import com.onix.twofactor.kernel.emailcode.EmailCodeSent;
import com.onix.twofactor.kernel.twofactor.SecondFactorRejected;
import com.onix.twofactor.kernel.twofactor.SecondFactorVerified;
import com.onix.twofactor.kernel.twofactor.TwoFactorLocked;
import com.onix.twofactor.kernel.twofactor.TwoFactorReset;
import com.onix.twofactor.kernel.twofactor.TwoFactorSetupCompleted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Counts what happens to second factors, from the events as they are stored: a subscribing
 * processor, so a restart or a replay counts nothing twice, and only what this node decided is
 * counted here (each node of several exposes its own share). No user, organization or code is a
 * tag: they would leak identities into the metrics and make their number unbounded.
 */
@Component
@ProcessingGroup(TwoFactorMetrics.PROCESSOR)
class TwoFactorMetrics {

  static final String PROCESSOR = "metrics";
  private static final String VERIFICATIONS = "onix.verifications";

  private final MeterRegistry registry;
  private final Counter locks;
  private final Counter accessCodes;
  private final Counter resets;
  private final Counter setups;
  private final Counter emailCodes;

  TwoFactorMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.locks =
        Counter.builder("onix.verification.locks")
            .description("Verifications locked after too many failed codes")
            .register(registry);
    this.accessCodes =
        Counter.builder("onix.access_codes.issued")
            .description("Temporary access codes issued by admins")
            .register(registry);
    this.resets =
        Counter.builder("onix.two_factor.resets")
            .description("Two-factor resets by admins")
            .register(registry);
    this.setups =
        Counter.builder("onix.two_factor.setups_completed")
            .description("Authenticator apps set up")
            .register(registry);
    this.emailCodes =
        Counter.builder("onix.email_codes.sent")
            .description("Sign-in codes requested by email")
            .register(registry);
  }

  @EventHandler
  void on(SecondFactorVerified event) {
    verification(event.method().name(), "VERIFIED");
  }

  @EventHandler
  void on(SecondFactorRejected event) {
    verification(event.method().name(), event.reason().name());
  }

  @EventHandler
  void on(TwoFactorLocked event) {
    locks.increment();
  }

  @EventHandler
  void on(AccessCodeIssued event) {
    accessCodes.increment();
  }

  @EventHandler
  void on(TwoFactorReset event) {
    resets.increment();
  }

  @EventHandler
  void on(TwoFactorSetupCompleted event) {
    setups.increment();
  }

  @EventHandler
  void on(EmailCodeSent event) {
    emailCodes.increment();
  }

  /** Both tags come from enums: a bounded set of series. */
  private void verification(String method, String outcome) {
    Counter.builder(VERIFICATIONS)
        .description("Second factors checked at sign-in, by method and outcome")
        .tag("method", method)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }
}
