package com.onix.twofactor.command.notification;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** A mail server over SMTP, with STARTTLS required unless switched off. */
final class SmtpTransport implements MailTransport {

  private static final String TIMEOUT_MILLIS = "10000";

  private final JavaMailSenderImpl sender = new JavaMailSenderImpl();

  SmtpTransport(MailSettings settings) {
    sender.setHost(settings.smtpHost());
    sender.setPort(settings.smtpPort());
    if (!settings.smtpUsername().isBlank()) {
      sender.setUsername(settings.smtpUsername());
      sender.setPassword(settings.smtpPassword());
    }
    Properties properties = new Properties();
    properties.setProperty("mail.smtp.auth", Boolean.toString(!settings.smtpUsername().isBlank()));
    String starttls = Boolean.toString(settings.smtpStarttls());
    properties.setProperty("mail.smtp.starttls.enable", starttls);
    // Without "required", a man in the middle could strip STARTTLS and read the codes.
    properties.setProperty("mail.smtp.starttls.required", starttls);
    properties.setProperty("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
    properties.setProperty("mail.smtp.timeout", TIMEOUT_MILLIS);
    properties.setProperty("mail.smtp.writetimeout", TIMEOUT_MILLIS);
    sender.setJavaMailProperties(properties);
  }

  @Override
  public Session session() {
    return sender.getSession();
  }

  @Override
  public void send(MimeMessage message) {
    sender.send(message);
  }
}
