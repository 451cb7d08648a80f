package com.onix.twofactor.query.audit.integrity;

import com.onix.twofactor.eventstore.CommitLogStorageEngine;
import com.onix.twofactor.query.audit.AuditTrail;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IntegrityConfiguration {

  @Bean
  ChainVerifier chainVerifier(CommitLogStorageEngine store, AuditTrail trail) {
    return new ChainVerifier(store, trail);
  }
}
