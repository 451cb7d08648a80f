package com.onix.twofactor.command.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.onix.twofactor.command.testing.Json;
import com.onix.twofactor.command.testing.Response;
import com.onix.twofactor.command.testing.TwoFactorIntegrationTest;
import com.onix.twofactor.kernel.emailcode.EmailCodeUndeliverable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A mail server that refuses the user's address: the sign-in hears EMAIL_UNDELIVERABLE. */
class UndeliverableEmailCodeHttpTest extends TwoFactorIntegrationTest {

  private static final RefusingSmtpServer SMTP = start();

  private static RefusingSmtpServer start() {
    try {
      return new RefusingSmtpServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("onix.mail.smtp-host", () -> "127.0.0.1");
    registry.add("onix.mail.smtp-port", SMTP::port);
    registry.add("onix.mail.smtp-starttls", () -> false);
  }

  @AfterAll
  static void stop() throws IOException {
    SMTP.close();
  }

  @Test
  void aRefusedAddressIsRecordedAndTheVerificationAnswersEmailUndeliverable()
      throws InterruptedException {
    Enrolled user = enrolledUser();
    Response allowed =
        http.put("/organizations/" + user.organizationId() + "/two-factor-policy/email-codes")
            .token(tokens.orgAdmin(user.organizationId()))
            .json(Json.of("allowed", true))
            .send();
    assertThat(allowed.status()).as("%s", allowed).isEqualTo(200);
    Response requested =
        http.post("/sign-in/email-codes")
            .token(signInService())
            .json(Json.of("userId", user.userId()))
            .send();
    assertThat(requested.status()).as("%s", requested).isEqualTo(202);

    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (storedPayloads(user.userId()).stream()
        .noneMatch(EmailCodeUndeliverable.class::isInstance)) {
      assertThat(Instant.now()).as("the refusal recorded in time").isBefore(deadline);
      Thread.sleep(50);
    }

    Response verified =
        verify(Json.of("userId", user.userId(), "method", "EMAIL_CODE", "code", "12345678"));
    assertThat(verified.status()).as("%s", verified).isEqualTo(409);
    assertThat(verified.json().path("code").asText()).isEqualTo("EMAIL_UNDELIVERABLE");
    EmailCodeUndeliverable refusal =
        storedPayloads(user.userId()).stream()
            .filter(EmailCodeUndeliverable.class::isInstance)
            .map(EmailCodeUndeliverable.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(refusal.smtpReplyCode()).isEqualTo(550);
    Response failed =
        http.get("/mail-deliveries?status=FAILED").token(tokens.platformOperator()).send();
    assertThat(failed.json().path("deliveries").toString()).doesNotContain(user.email());
    JsonNode delivery = null;
    for (JsonNode each : failed.json().path("deliveries")) {
      if (each.path("userId").asText().equals(user.userId())
          && each.path("kind").asText().equals("EMAIL_CODE")) {
        delivery = each;
      }
    }
    assertThat(delivery).as("the code's delivery recorded as failed").isNotNull();
    assertThat(delivery.path("lastSmtpReply").asInt()).isEqualTo(550);
    assertThat(delivery.path("attempts").asInt()).as("refused for good: not retried").isEqualTo(1);
    assertThat(SMTP.refusals.get()).isPositive();
  }
}
