package com.onix.twofactor.command.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.mail.MailSendException;

/**
 * What a failed send means. A 5xx reply (the server refuses the recipient or the mail) or an
 * address that does not parse is permanent: retrying cannot help. Anything else (the server is
 * down, a 4xx, a timeout, a refused login) is retried. Only the exception's class name and the SMTP
 * reply code are kept: a server's reply text may quote the address or the message.
 */
record DeliveryFailure(boolean permanent, String errorClass, Integer smtpReplyCode) {

  static DeliveryFailure of(Throwable failure) {
    Integer reply = null;
    boolean badAddress = false;
    Deque<Throwable> pending = new ArrayDeque<>();
    Set<Throwable> seen = new HashSet<>();
    pending.add(failure);
    while (!pending.isEmpty()) {
      Throwable next = pending.poll();
      if (!seen.add(next)) {
        continue;
      }
      if (next instanceof SMTPAddressFailedException refused) {
        reply = refused.getReturnCode();
      } else if (next instanceof SMTPSendFailedException refused && reply == null) {
        reply = refused.getReturnCode();
      } else if (next instanceof AddressException) {
        badAddress = true;
      }
      if (next instanceof MessagingException messaging && messaging.getNextException() != null) {
        pending.add(messaging.getNextException());
      }
      if (next instanceof MailSendException send) {
        pending.addAll(send.getFailedMessages().values());
      }
      if (next.getCause() != null) {
        pending.add(next.getCause());
      }
    }
    boolean permanent = badAddress || (reply != null && reply >= 500 && reply < 600);
    return new DeliveryFailure(permanent, failure.getClass().getSimpleName(), reply);
  }
}
