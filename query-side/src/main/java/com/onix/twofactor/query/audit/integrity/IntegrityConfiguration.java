package com.onix.twofactor.query.audit.integrity;

import com.onix.twofactor.eventstore.CommitLogStorageEngine;
import com.onix.twofactor.query.audit.AuditTrail;
import com.onix.twofactor.query.audit.checkpoint.Checkpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IntegrityConfiguration {

  @Bean
  ChainVerifier chainVerifier(
      CommitLogStorageEngine store, AuditTrail trail, Checkpoints checkpoints) {
    return new ChainVerifier(store, trail, checkpoints);
  }
}
