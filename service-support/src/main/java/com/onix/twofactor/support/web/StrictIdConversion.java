package com.onix.twofactor.support.web;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Ids in paths are canonical UUIDs only. {@link UUID#fromString} would also take "1-2-3-4-5", which
 * would make two spellings of one id.
 */
public class StrictIdConversion implements WebMvcConfigurer {

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

  @Override
  public void addFormatters(FormatterRegistry registry) {
    registry.addConverter(
        String.class, UUID.class, (Converter<String, UUID>) StrictIdConversion::parse);
  }
}
