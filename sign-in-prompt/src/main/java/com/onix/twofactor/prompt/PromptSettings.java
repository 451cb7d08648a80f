package com.onix.twofactor.prompt;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the prompt is reached and what it may do.
 *
 * @param publicUrl where browsers reach the prompt; also the result's {@code iss}
 * @param redirectUris the exact {@code redirect_uri} values a pushed request may name; empty: the
 *     built-in demo return page only
 * @param queryUrl the query side
 * @param commandUrl the command side
 * @param resultKeysFile production: a JWK set file of private signing keys (the first signs, all
 *     are published); empty: a key generated under the data directory
 * @param requestLifetime how long a pushed request may wait to be opened
 * @param resultLifetime how long a signed result is valid
 */
@ConfigurationProperties("onix.prompt")
public record PromptSettings(
    URI publicUrl,
    List<String> redirectUris,
    URI queryUrl,
    URI commandUrl,
    String resultKeysFile,
    Duration requestLifetime,
    Duration resultLifetime) {

  public static final String DEMO_RETURN_PATH = "/demo/return";

  public PromptSettings {
    publicUrl = URI.create(withoutTrailingSlash(publicUrl.toString()));
    redirectUris =
        redirectUris == null
            ? List.of()
            : redirectUris.stream().map(String::strip).filter(uri -> !uri.isEmpty()).toList();
    if (redirectUris.isEmpty()) {
      redirectUris = List.of(publicUrl + DEMO_RETURN_PATH);
    }
    requestLifetime = requestLifetime == null ? Duration.ofMinutes(5) : requestLifetime;
    resultLifetime = resultLifetime == null ? Duration.ofMinutes(2) : resultLifetime;
  }

  /** The issuer id the results carry: the prompt's public address. */
  public String issuer() {
    return publicUrl.toString();
  }

  public boolean allowsRedirectTo(String redirectUri) {
    return redirectUri != null && redirectUris.contains(redirectUri);
  }

  public String demoReturnUrl() {
    return publicUrl + DEMO_RETURN_PATH;
  }

  public String jwkSetUrl() {
    return publicUrl + "/.well-known/jwks.json";
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
