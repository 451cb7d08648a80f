package com.onix.twofactor.query.consistency;

import com.onix.twofactor.query.web.Cursor;
import com.onix.twofactor.support.web.StrictIdConversion;

/**
 * The {@code minVersion=<aggregateId>:<version>} a command's {@code Onix-Aggregate-Version} gave.
 */
public record MinVersion(String aggregateId, long version) {

  public static MinVersion parse(String text) {
    int colon = text == null ? -1 : text.lastIndexOf(':');
    if (colon > 0 && StrictIdConversion.isCanonical(text.substring(0, colon))) {
      try {
        long version = Long.parseLong(text.substring(colon + 1));
        if (version >= 0) {
          return new MinVersion(
              text.substring(0, colon).toLowerCase(java.util.Locale.ROOT), version);
        }
      } catch (NumberFormatException e) {
        // answered below
      }
    }
    throw Cursor.invalid("minVersion", "must be the value of an Onix-Aggregate-Version header");
  }
}
