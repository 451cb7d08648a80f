package com.onix.twofactor.command.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmlFileTransportTest {

  @TempDir Path dataDirectory;

  private final Clock clock =
      Clock.fixed(Instant.parse("2026-12-07T10:42:01.250Z"), ZoneOffset.UTC);

  @Test
  void aMailIsNamedByItsTimeAndTheLocalPartOfItsMessageId() throws Exception {
    Path mail = dataDirectory.resolve("mail");
    EmlFileTransport transport = new EmlFileTransport(mail, clock);

    transport.send(message(transport, "<8587e9dd-1c2b@onix-2fa>"));

    assertThat(fileNames(mail)).containsExactly("20261207T104201.250Z-8587e9dd-1c2b.eml");
  }

  @Test
  void aMailIsReadableByItsOwnerOnlyAndParsesBack() throws Exception {
    Path mail = dataDirectory.resolve("mail");
    EmlFileTransport transport = new EmlFileTransport(mail, clock);

    transport.send(message(transport, "<abc@onix-2fa>"));

    Path written = mail.resolve("20261207T104201.250Z-abc.eml");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(mail)))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written)))
        .isEqualTo("rw-------");
    try (InputStream in = Files.newInputStream(written)) {
      MimeMessage parsed = new MimeMessage(transport.session(), in);
      assertThat(parsed.getMessageID()).isEqualTo("<abc@onix-2fa>");
      assertThat(parsed.getSubject()).isEqualTo("Your sign-in code");
    }
  }

  @Test
  void charactersThatDoNotBelongInAFileNameAreLeftOut() throws Exception {
    Path mail = dataDirectory.resolve("mail");
    EmlFileTransport transport = new EmlFileTransport(mail, clock);

    transport.send(message(transport, "<../a b/c@onix-2fa>"));

    assertThat(fileNames(mail)).containsExactly("20261207T104201.250Z-..abc.eml");
  }

  private static MimeMessage message(EmlFileTransport transport, String messageId)
      throws Exception {
    MimeMessage message =
        new MimeMessage(transport.session()) {
          @Override
          protected void updateMessageID() throws jakarta.mail.MessagingException {
            setHeader("Message-ID", messageId);
          }
        };
    message.setFrom(new InternetAddress("onix@acme.example"));
    message.setRecipients(MimeMessage.RecipientType.TO, "ann@acme.example");
    message.setSubject("Your sign-in code");
    message.setText("hello");
    message.saveChanges();
    return message;
  }

  private static List<String> fileNames(Path directory) throws Exception {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }
}
