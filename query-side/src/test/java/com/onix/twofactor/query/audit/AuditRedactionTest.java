package com.onix.twofactor.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.onix.twofactor.kernel.audit.Secret;
import com.onix.twofactor.kernel.organization.PolicyEnabled;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An event's audit data: its fields, without those marked {@link Secret}. */
class AuditRedactionTest {

  record CodeIssued(
      String userId, String organizationId, @Secret String codeHash, Instant expiresAt) {}

  record SetupStarted(String userId, @Secret byte[] encryptedSecret, @Secret String keyId) {}

  private final AuditRedaction redaction =
      new AuditRedaction(
          new ObjectMapper()
              .registerModule(new JavaTimeModule())
              .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));

  @Test
  void secretFieldIsLeftOut() {
    var data =
        redaction.dataOf(
            new CodeIssued(
                "u-1", "o-1", "hmac-of-the-code", Instant.parse("2026-01-01T00:00:00Z")));

    assertThat(data).containsOnlyKeys("userId", "organizationId", "expiresAt");
    assertThat(data.values()).doesNotContain("hmac-of-the-code");
  }

  @Test
  void everySecretFieldIsLeftOut() {
    var data = redaction.dataOf(new SetupStarted("u-1", new byte[] {1, 2, 3}, "key-7"));

    assertThat(data).containsOnlyKeys("userId");
  }

  @Test
  void eventWithoutSecretsKeepsEveryField() {
    var data = redaction.dataOf(new PolicyEnabled("o-1"));

    assertThat(data).containsExactly(java.util.Map.entry("organizationId", "o-1"));
  }
}
