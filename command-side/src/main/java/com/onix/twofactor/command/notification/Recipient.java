package com.onix.twofactor.command.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

/**
 * Who a mail goes to. Both parts come from a user's registration, so neither is trusted: the
 * address must parse strictly as one plain address, and the name loses every control character, so
 * that neither can end the {@code To} header and start another.
 */
record Recipient(String email, String displayName) {

  /**
   * @throws AddressException when the address is not exactly one valid address
   */
  InternetAddress address() throws AddressException {
    if (email == null || email.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == ',')) {
      throw new AddressException("not a single plain address");
    }
    InternetAddress address = new InternetAddress(email, true);
    address.validate();
    if (!email.equals(address.getAddress())) {
      throw new AddressException("not a plain address");
    }
    try {
      address.setPersonal(safeName(), StandardCharsets.UTF_8.name());
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is not available", e);
    }
    return address;
  }

  /** The display name with control characters (CR, LF, tabs...) turned into spaces. */
  String safeName() {
    if (displayName == null) {
      return null;
    }
    String cleaned = displayName.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ").strip();
    return cleaned.isEmpty() ? null : cleaned;
  }
}
