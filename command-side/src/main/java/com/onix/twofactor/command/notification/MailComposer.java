package com.onix.twofactor.command.notification;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/** Turns a notification into one multipart/alternative message: plain text, then HTML. */
final class MailComposer {

  private final InternetAddress from;

  MailComposer(InternetAddress from) {
    this.from = from;
  }

  /** The Message-ID of the mail for a delivery: the same on every attempt, so resends dedupe. */
  static String messageIdOf(String deliveryId) {
    return "<" + deliveryId.replaceAll("[^A-Za-z0-9.-]", ".") + "@onix-2fa>";
  }

  MimeMessage compose(
      Session session,
      String deliveryId,
      Recipient recipient,
      Notification notification,
      Instant now)
      throws MessagingException {
    MimeMessage message = new StableIdMessage(session, messageIdOf(deliveryId));
    message.setFrom(from);
    message.setRecipient(Message.RecipientType.TO, recipient.address());
    message.setSubject(notification.subject(), StandardCharsets.UTF_8.name());
    message.setSentDate(Date.from(now));
    message.setHeader("Auto-Submitted", "auto-generated");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(notification.text(), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(notification.html(), StandardCharsets.UTF_8.name(), "html");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    message.setContent(alternative);
    message.saveChanges();
    return message;
  }

  /** Jakarta Mail would give each save a fresh random Message-ID. */
  private static final class StableIdMessage extends MimeMessage {

    private final String messageId;

    StableIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
