package com.onix.twofactor.support.web;

import java.beans.PropertyEditorSupport;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Ids in paths and parameters are canonical UUIDs only. {@link UUID#fromString} would also take
 * "1-2-3-4-5", which would make two spellings of one id. A custom editor, because with a failing
 * converter alone Spring falls back to its lenient default editor.
 */
@ControllerAdvice
public class StrictIdConversion {

  private static final Pattern CANONICAL =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  public static boolean isCanonical(String candidate) {
    return candidate != null && CANONICAL.matcher(candidate).matches();
  }

  public static UUID parse(String candidate) {
    if (!isCanonical(candidate)) {
      throw new IllegalArgumentException("not a canonical UUID");
    }
    return UUID.fromString(candidate.toLowerCase(Locale.ROOT));
  }

  @InitBinder
  void strictUuids(WebDataBinder binder) {
    binder.registerCustomEditor(
        UUID.class,
        new PropertyEditorSupport() {
          @Override
          public void setAsText(String text) {
            setValue(parse(text));
          }
        });
  }
}
