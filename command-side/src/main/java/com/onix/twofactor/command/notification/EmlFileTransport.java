package com.onix.twofactor.command.notification;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;

/**
 * The embedded default, with no mail server: each mail becomes an {@code .eml} file in the data
 * directory's {@code mail/}, readable by the owner only (a sign-in code is in there), named so that
 * names sort by time of writing. {@code ./onix mail} prints the newest.
 */
final class EmlFileTransport implements MailTransport {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Path directory;
  private final Clock clock;
  private final Session session = Session.getInstance(new Properties());

  EmlFileTransport(Path directory, Clock clock) {
    this.directory = directory;
    this.clock = clock;
  }

  @Override
  public Session session() {
    return session;
  }

  @Override
  public void send(MimeMessage message) throws Exception {
    Files.createDirectories(
        directory,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    String id = message.getMessageID().replaceAll("@.*|[^A-Za-z0-9.-]", "");
    Path file = directory.resolve(STAMP.format(clock.instant()) + "-" + id + ".eml");
    Path draft =
        Files.createTempFile(
            directory,
            ".draft-",
            ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      try (OutputStream out = Files.newOutputStream(draft, StandardOpenOption.WRITE)) {
        message.writeTo(out);
      }
      Files.move(draft, file);
    } catch (IOException e) {
      Files.deleteIfExists(draft);
      throw e;
    }
  }
}
