package com.onix.twofactor.command.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code onix.mail.sent}, {@code onix.mail.failed} (tag {@code permanent}: refused for good, or to
 * be retried) and {@code onix.mail.expired}, each by {@code kind}. Counts only, no content.
 */
final class MailMetrics {

  private final MeterRegistry registry;

  MailMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void sent(NotificationKind kind) {
    counter("onix.mail.sent", "Mails a mail server (or the .eml directory) accepted", kind)
        .increment();
  }

  void failed(NotificationKind kind, boolean permanent) {
    Counter.builder("onix.mail.failed")
        .description("Attempts to send mail that failed")
        .tag("kind", kind.name())
        .tag("permanent", Boolean.toString(permanent))
        .register(registry)
        .increment();
  }

  void expired(NotificationKind kind) {
    counter("onix.mail.expired", "Sign-in code mails given up at the code's expiry", kind)
        .increment();
  }

  private Counter counter(String name, String description, NotificationKind kind) {
    return Counter.builder(name)
        .description(description)
        .tag("kind", kind.name())
        .register(registry);
  }
}
