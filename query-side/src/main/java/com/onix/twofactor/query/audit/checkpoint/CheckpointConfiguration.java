package com.onix.twofactor.query.audit.checkpoint;

import com.mongodb.client.MongoDatabase;
import com.onix.twofactor.query.audit.AuditTrail;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The checkpoint key and store, and the schedule: every minute, the head of each organization whose
 * history grew is signed.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class CheckpointConfiguration {

  private static final Logger log = LoggerFactory.getLogger(CheckpointConfiguration.class);

  @Bean
  CheckpointKeys checkpointKeys(
      @Value("${onix.audit.checkpoint-key-file:}") String keyFile,
      @Value("${onix.audit.checkpoint-retired-keys:}") String retiredKeys,
      @Value("${onix.data-dir}") Path dataDirectory) {
    return CheckpointKeys.loadOrCreate(keyFile(keyFile, dataDirectory), optional(retiredKeys));
  }

  @Bean
  Checkpoints checkpoints(
      MongoDatabase database, AuditTrail trail, CheckpointKeys keys, Clock clock) {
    return new Checkpoints(database, trail, keys, clock);
  }

  @Bean
  CheckpointSchedule checkpointSchedule(Checkpoints checkpoints) {
    return new CheckpointSchedule(checkpoints);
  }

  /** Where the signing key is: the configured file, or the data directory's. */
  public static Path keyFile(String configured, Path dataDirectory) {
    return configured == null || configured.isBlank()
        ? dataDirectory.resolve("audit-checkpoint-key.json")
        : Path.of(configured);
  }

  public static Path optional(String path) {
    return path == null || path.isBlank() ? null : Path.of(path);
  }

  /** Signs new heads every minute; a failure is logged and tried again next minute. */
  public static class CheckpointSchedule {

    private final Checkpoints checkpoints;

    CheckpointSchedule(Checkpoints checkpoints) {
      this.checkpoints = checkpoints;
    }

    @Scheduled(
        initialDelayString = "${onix.audit.checkpoint-interval:60s}",
        fixedDelayString = "${onix.audit.checkpoint-interval:60s}")
    public void signNewHeads() {
      try {
        int signed = checkpoints.signEveryNewHead();
        if (signed > 0) {
          log.info("Signed audit checkpoints for {} organizations", signed);
        }
      } catch (RuntimeException e) {
        log.warn("Signing audit checkpoints failed; retrying in a minute: {}", e.toString());
      }
    }
  }
}
