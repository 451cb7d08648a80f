package com.onix.twofactor.console.page;

/**
 * What people typed (display names, reasons), made safe to show beyond HTML escaping, which the
 * templates do: control characters and invisible formatting characters, right-to-left overrides
 * among them, are shown as their code point instead of acting on the text around them.
 */
public final class SafeText {

  private static final int MAX_SHOWN = 200;

  public String of(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder shown = new StringBuilder(Math.min(text.length(), MAX_SHOWN + 16));
    int count = 0;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      i += Character.charCount(codePoint);
      if (++count > MAX_SHOWN) {
        shown.append('…');
        break;
      }
      int type = Character.getType(codePoint);
      boolean invisible =
          type == Character.CONTROL
              || type == Character.FORMAT
              || type == Character.UNASSIGNED
              || type == Character.PRIVATE_USE
              || type == Character.SURROGATE
              || type == Character.LINE_SEPARATOR
              || type == Character.PARAGRAPH_SEPARATOR;
      if (invisible) {
        shown.append(String.format("[U+%04X]", codePoint));
      } else {
        shown.appendCodePoint(codePoint);
      }
    }
    return shown.toString();
  }
}
