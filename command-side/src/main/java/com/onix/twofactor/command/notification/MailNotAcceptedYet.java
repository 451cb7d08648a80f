package com.onix.twofactor.command.notification;

/**
 * Thrown out of the mailer's event handler so that its tracking processor stops at the event and
 * tries it again with backoff (1 s, doubling up to 60 s), rather than move past a mail not sent.
 */
final class MailNotAcceptedYet extends RuntimeException {

  MailNotAcceptedYet(String deliveryId, DeliveryFailure failure) {
    super(
        "mail "
            + deliveryId
            + " not accepted yet ("
            + failure.errorClass()
            + (failure.smtpReplyCode() == null ? "" : ", SMTP " + failure.smtpReplyCode())
            + ")",
        null,
        false,
        false);
  }
}
