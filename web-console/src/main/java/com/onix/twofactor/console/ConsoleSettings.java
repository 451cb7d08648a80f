package com.onix.twofactor.console;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the console is reached, what it calls, and how people sign in to it.
 *
 * @param publicUrl where browsers reach the console (sign-in links point there)
 * @param queryUrl the query side
 * @param commandUrl the command side
 * @param linkLifetime how long a one-time sign-in link may wait to be opened
 * @param oidc production sign-in through an OpenID Connect provider; without an issuer, sign-in
 *     links (embedded default) are the only way in
 */
@ConfigurationProperties("onix.console")
public record ConsoleSettings(
    URI publicUrl, URI queryUrl, URI commandUrl, Duration linkLifetime, Oidc oidc) {

  public ConsoleSettings {
    publicUrl = URI.create(withoutTrailingSlash(publicUrl.toString()));
    linkLifetime = linkLifetime == null ? Duration.ofMinutes(5) : linkLifetime;
    oidc = oidc == null ? new Oidc(null, null, null, null) : oidc;
  }

  /**
   * @param issuer the provider's issuer URL (its discovery document is read from there)
   * @param clientId the console's client id at the provider
   * @param clientSecret its client secret (empty: a public client, PKCE only)
   * @param scopes the scopes asked for
   */
  public record Oidc(String issuer, String clientId, String clientSecret, List<String> scopes) {

    public Oidc {
      issuer = issuer == null ? "" : issuer.strip();
      clientId = clientId == null ? "" : clientId.strip();
      clientSecret = clientSecret == null ? "" : clientSecret.strip();
      scopes =
          scopes == null || scopes.isEmpty()
              ? List.of("openid", "profile")
              : scopes.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public boolean enabled() {
      return !issuer.isEmpty();
    }

    @Override
    public String toString() {
      return "Oidc[issuer=" + issuer + ", clientId=" + clientId + ", clientSecret=<hidden>]";
    }
  }

  /** Sign-in links are for the embedded default only: with OIDC, the provider decides. */
  public boolean signInLinksEnabled() {
    return !oidc.enabled();
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
