package com.onix.twofactor.command.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.onix.twofactor.command.testing.Json;
import com.onix.twofactor.command.testing.Response;
import com.onix.twofactor.command.testing.TwoFactorIntegrationTest;
import com.onix.twofactor.kernel.accesscode.AccessCodeIssued;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The mailer against a real SMTP server (GreenMail) in the test, through the HTTP API. */
class MailDeliveryHttpTest extends TwoFactorIntegrationTest {

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final int SMTP_PORT = freePort();
  private static GreenMail smtp = startSmtp();

  @Autowired private EventProcessingConfiguration processing;

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("onix.mail.smtp-host", () -> "127.0.0.1");
    registry.add("onix.mail.smtp-port", () -> SMTP_PORT);
    registry.add("onix.mail.smtp-starttls", () -> false);
  }

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  private static GreenMail startSmtp() {
    GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));
    server.start();
    return server;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<MimeMessage> mailTo(String email) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(
            message -> {
              try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(email));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  private static <T> T await(String what, Supplier<Optional<T>> condition) {
    Instant deadline = Instant.now().plus(DEADLINE);
    while (Instant.now().isBefore(deadline)) {
      Optional<T> value = condition.get();
      if (value.isPresent()) {
        return value.get();
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("timed out waiting for " + what);
  }

  private static MimeMessage awaitMail(String email, String subjectPart) {
    return await(
        "a mail to " + email,
        () ->
            mailTo(email).stream()
                .filter(message -> subjectOf(message).contains(subjectPart))
                .findFirst());
  }

  private static String subjectOf(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String part(MimeMessage message, int index) throws Exception {
    return ((MimeMultipart) message.getContent()).getBodyPart(index).getContent().toString();
  }

  private String eventIdOf(String userId, Class<?> type) {
    return storedEvents(userId).stream()
        .filter(event -> type.isInstance(event.getPayload()))
        .map(DomainEventMessage::getIdentifier)
        .reduce((first, second) -> second)
        .orElseThrow();
  }

  private Optional<JsonNode> delivery(String deliveryId, String status) {
    Response found =
        http.get("/mail-deliveries?status=" + status).token(tokens.platformOperator()).send();
    assertThat(found.status()).as("%s", found).isEqualTo(200);
    for (JsonNode delivery : found.json().path("deliveries")) {
      if (delivery.path("deliveryId").asText().equals(deliveryId)) {
        return Optional.of(delivery);
      }
    }
    return Optional.empty();
  }

  private void allowEmailCodes(String organizationId) {
    Response allowed =
        http.put("/organizations/" + organizationId + "/two-factor-policy/email-codes")
            .token(tokens.orgAdmin(organizationId))
            .json(Json.of("allowed", true))
            .send();
    assertThat(allowed.status()).as("%s", allowed).isEqualTo(200);
  }

  @Test
  void anIssuedAccessCodeIsNotifiedInPlainTextAndHtmlWithoutTheCode() throws Exception {
    NewUser user = newUser();
    Response issued = issueAccessCode(user.organizationId(), user.userId());
    String code = issued.json().path("code").asText();

    MimeMessage mail = awaitMail(user.email(), "temporary access code");

    MimeMultipart parts = (MimeMultipart) mail.getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
    String text = part(mail, 0);
    assertThat(text)
        .contains("an administrator")
        .contains("If this was not you")
        .contains(issued.json().path("expiresAt").asText().substring(0, 10));
    assertThat(text + part(mail, 1)).doesNotContain(code).doesNotContain(code.replace("-", ""));
    assertThat(mail.getMessageID())
        .isEqualTo(MailComposer.messageIdOf(eventIdOf(user.userId(), AccessCodeIssued.class)));
  }

  @Test
  void aCodeByEmailSignsTheUserInOnce() throws Exception {
    Enrolled user = enrolledUser();
    allowEmailCodes(user.organizationId());

    Response requested =
        http.post("/sign-in/email-codes")
            .token(signInService())
            .json(Json.of("userId", user.userId()))
            .send();
    assertThat(requested.status()).as("%s", requested).isEqualTo(202);

    MimeMessage mail = awaitMail(user.email(), "sign-in code");
    Matcher digits = Pattern.compile("code is: ([0-9]{8})").matcher(part(mail, 0));
    assertThat(digits.find()).isTrue();
    String body = Json.of("userId", user.userId(), "method", "EMAIL_CODE", "code", digits.group(1));

    Response verified = verify(body);
    assertThat(verified.status()).as("%s", verified).isEqualTo(200);
    Response again = verify(body);
    assertThat(again.status()).as("%s", again).isEqualTo(409);
    assertThat(again.json().path("code").asText()).isEqualTo("NO_ACTIVE_EMAIL_CODE");
  }

  @Test
  void mailWaitsForADownServerAndGoesOutOnceItIsBack() {
    NewUser user = newUser();
    smtp.stop();
    try {
      Instant before = Instant.now();
      Response issued = issueAccessCode(user.organizationId(), user.userId());
      assertThat(issued.status()).as("the command answers at once").isEqualTo(201);
      String deliveryId = eventIdOf(user.userId(), AccessCodeIssued.class);
      JsonNode retrying = await("a failed attempt", () -> delivery(deliveryId, "RETRYING"));
      assertThat(retrying.path("attempts").asInt()).isPositive();
      assertThat(retrying.path("lastError").asText()).isNotBlank();
      assertThat(Duration.between(before, Instant.now())).isLessThan(DEADLINE);
    } finally {
      smtp = startSmtp();
    }
    awaitMail(user.email(), "temporary access code");
    String deliveryId = eventIdOf(user.userId(), AccessCodeIssued.class);
    JsonNode sent = await("the delivery recorded sent", () -> delivery(deliveryId, "SENT"));
    assertThat(sent.path("attempts").asInt()).isGreaterThan(1);
    assertThat(sent.toString()).doesNotContain(user.email());
  }

  @Test
  void aReplayOfTheEventsSendsNothingAgain() {
    NewUser first = newUser();
    issueAccessCode(first.organizationId(), first.userId());
    awaitMail(first.email(), "temporary access code");

    TrackingEventProcessor mailer =
        processing.eventProcessor("mail", TrackingEventProcessor.class).orElseThrow();
    mailer.shutDown();
    mailer.resetTokens();
    mailer.start();
    NewUser second = newUser();
    issueAccessCode(second.organizationId(), second.userId());
    awaitMail(second.email(), "temporary access code"); // replayed up to here

    assertThat(mailTo(first.email())).hasSize(1);
  }

  @Test
  void aLineBreakInTheDisplayNameAddsNoRecipient() {
    String organizationId = registerOrganization();
    String email = uniqueEmail();
    Response created =
        http.post("/organizations/" + organizationId + "/users")
            .token(tokens.orgAdmin(organizationId))
            .json(
                Json.of(
                    "email",
                    email,
                    "displayName",
                    "Mallory\r\nBcc: spy@evil.example",
                    "signInMethod",
                    "PASSWORD"))
            .send();
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    issueAccessCode(organizationId, created.json().path("userId").asText());

    awaitMail(email, "temporary access code");

    assertThat(mailTo("spy@evil.example")).isEmpty();
    assertThat(
            Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> subjectOf(message).contains("temporary access code"))
                .filter(message -> mailTo(email).contains(message)))
        .allSatisfy(message -> assertThat(message.getHeader("Bcc")).isNull());
  }
}
