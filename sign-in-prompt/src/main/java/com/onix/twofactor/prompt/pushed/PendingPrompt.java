package com.onix.twofactor.prompt.pushed;

import java.time.Instant;

/**
 * A sign-in the sign-in page has pushed, waiting for the browser. {@code bearerToken} is the
 * sign-in page's own token: the prompt calls the APIs with it, so the audit history names the
 * sign-in page as the actor. It stays in this process's memory and is never written to a page, URL
 * or log.
 */
public record PendingPrompt(
    String email,
    String redirectUri,
    String state,
    String nonce,
    String audience,
    String bearerToken,
    Instant expiresAt) {

  @Override
  public String toString() {
    return "PendingPrompt[redirectUri=" + redirectUri + ", expiresAt=" + expiresAt + "]";
  }
}
