package com.onix.twofactor.command.notification;

import com.mongodb.client.MongoDatabase;
import com.onix.twofactor.command.emailcode.EmailCodeSeal;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The mailer: its transport (a mail server, or .eml files with no {@code ONIX_SMTP_HOST}), its
 * records, and its tracking processor over the event store, with a token of its own in {@code
 * mail_tracking_tokens} (a rebuild of the views never touches it).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailSettings.class)
class MailConfiguration {

  static final String TOKENS = "mail_tracking_tokens";

  @Bean
  MailTransport mailTransport(
      MailSettings settings, @Value("${onix.data-dir}") Path dataDirectory, Clock clock) {
    return settings.embedded()
        ? new EmlFileTransport(dataDirectory.resolve("mail"), clock)
        : new SmtpTransport(settings);
  }

  @Bean
  MailDeliveries mailDeliveries(MongoDatabase database) {
    return new MailDeliveries(database);
  }

  @Bean
  MailDirectory mailDirectory(MongoDatabase database) {
    return new MailDirectory(database);
  }

  @Bean
  MailDelivery mailDelivery(
      MailDeliveries deliveries,
      MailSettings settings,
      MailTransport transport,
      MeterRegistry registry,
      Clock clock) {
    return new MailDelivery(
        deliveries,
        new MailComposer(fromAddress(settings)),
        transport,
        new MailMetrics(registry),
        clock);
  }

  @Bean
  NotificationMailer notificationMailer(
      MailDirectory directory,
      MailDelivery delivery,
      MongoDatabase database,
      EmailCodeSeal seal,
      CommandGateway commands,
      Clock clock) {
    return new NotificationMailer(
        directory, delivery, new MailerEpoch(database, clock.instant()), seal, commands, clock);
  }

  /**
   * From the start of the store, so the directory knows every user; a failed mail stops the
   * processor at its event, which is tried again with backoff, instead of being skipped.
   */
  @Autowired
  void mailProcessor(EventProcessingConfigurer processing, MongoDatabase database) {
    processing
        .registerTrackingEventProcessor(
            NotificationMailer.PROCESSOR,
            configuration -> configuration.eventStore(),
            configuration ->
                TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                    .andInitialTrackingToken(StreamableMessageSource::createTailToken))
        .registerTokenStore(
            NotificationMailer.PROCESSOR,
            configuration ->
                MongoTokenStore.builder()
                    .mongoTemplate(
                        DefaultMongoTemplate.builder()
                            .mongoDatabase(database)
                            .trackingTokensCollectionName(TOKENS)
                            .build())
                    .serializer(configuration.serializer())
                    .claimTimeout(Duration.ofSeconds(5))
                    .build())
        .registerListenerInvocationErrorHandler(
            NotificationMailer.PROCESSOR, configuration -> PropagatingErrorHandler.instance());
  }

  private static InternetAddress fromAddress(MailSettings settings) {
    try {
      InternetAddress from = new InternetAddress(settings.from(), true);
      from.validate();
      return from;
    } catch (AddressException e) {
      throw new IllegalStateException("ONIX_MAIL_FROM is not one valid address");
    }
  }
}
