package com.onix.twofactor.command.notification;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Where composed mail goes: a mail server, or files in the embedded default. */
interface MailTransport {

  Session session();

  /**
   * @throws Exception whatever the transport failed with; {@link DeliveryFailure} tells what it
   *     means
   */
  void send(MimeMessage message) throws Exception;
}
