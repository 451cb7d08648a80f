package com.onix.twofactor.prompt.pushed;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The pushed requests not yet opened, by their {@code request_uri}. Opening one removes it, so a
 * link works once; one left unopened past its expiry is dropped at the next push.
 */
@Component
public class PendingPrompts {

  public static final String REQUEST_URI_PREFIX = "urn:onix:prompt:";

  private final SecureRandom random = new SecureRandom();
  private final Map<String, PendingPrompt> pending = new ConcurrentHashMap<>();
  private final Clock clock;

  public PendingPrompts(Clock clock) {
    this.clock = clock;
  }

  /** Keeps {@code prompt} and answers the one-time {@code request_uri} that opens it. */
  public String push(PendingPrompt prompt) {
    Instant now = clock.instant();
    pending.values().removeIf(waiting -> !waiting.expiresAt().isAfter(now));
    byte[] id = new byte[32];
    random.nextBytes(id);
    String requestUri =
        REQUEST_URI_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    pending.put(requestUri, prompt);
    return requestUri;
  }

  /** The prompt behind {@code requestUri}, once: gone afterwards, and empty once expired. */
  public Optional<PendingPrompt> open(String requestUri) {
    if (requestUri == null) {
      return Optional.empty();
    }
    PendingPrompt prompt = pending.remove(requestUri);
    if (prompt == null || !prompt.expiresAt().isAfter(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(prompt);
  }
}
