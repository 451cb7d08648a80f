package com.onix.twofactor.command.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Header injection through a user's name or address. */
class RecipientTest {

  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  private static String written(Recipient recipient) throws Exception {
    MailComposer composer = new MailComposer(new InternetAddress("onix@example.org"));
    MimeMessage message =
        composer.compose(
            Session.getInstance(new Properties()),
            "event-1",
            recipient,
            NotificationTexts.verificationLocked(NOW, NOW.plusSeconds(300)),
            NOW);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    message.writeTo(out);
    return out.toString(StandardCharsets.US_ASCII);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Eve\r\nBcc: spy@evil.example",
        "Eve\nBcc: spy@evil.example",
        "Eve\rBcc: spy@evil.example",
        "Eve\u2028Bcc: spy@evil.example"
      })
  void aLineBreakInTheDisplayNameStartsNoHeader(String name) throws Exception {
    String mail = written(new Recipient("eve@example.org", name));

    assertThat(mail).doesNotContainPattern("(?m)^Bcc:");
    assertThat(mail.lines().filter(line -> line.startsWith("To:"))).hasSize(1);
    MimeMessage parsed =
        new MimeMessage(
            Session.getInstance(new Properties()),
            new java.io.ByteArrayInputStream(mail.getBytes(StandardCharsets.US_ASCII)));
    assertThat(parsed.getRecipients(Message.RecipientType.BCC)).isNull();
    assertThat(parsed.getAllRecipients()).hasSize(1);
    assertThat(((InternetAddress) parsed.getAllRecipients()[0]).getAddress())
        .isEqualTo("eve@example.org");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "eve@example.org\r\nBcc: spy@evil.example",
        "eve@example.org, spy@evil.example",
        "Eve <eve@example.org>",
        "eve@example.org\nX-Injected: 1",
        "not an address"
      })
  void anAddressThatIsNotExactlyOnePlainAddressIsRefused(String email) {
    assertThatThrownBy(() -> new Recipient(email, "Eve").address())
        .isInstanceOf(AddressException.class);
  }

  @Test
  void aNameOutsideAsciiIsEncodedNotDropped() throws Exception {
    String mail = written(new Recipient("zoe@example.org", "Zoë Ångström"));

    assertThat(mail).contains("=?UTF-8?");
    assertThat(mail).contains("<zoe@example.org>");
  }

  @Test
  void theMessageIdIsTheSameForTheSameDelivery() throws Exception {
    assertThat(written(new Recipient("eve@example.org", "Eve")))
        .contains("Message-ID: " + MailComposer.messageIdOf("event-1"));
  }
}
