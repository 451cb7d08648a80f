package com.onix.twofactor.console.signin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * One-time sign-in links not yet opened, by their ticket. Opening one removes it, so a link works
 * once; one left unopened past its lifetime is dropped at the next push.
 */
@Component
public class PendingLinks {

  record Pending(SignedInPerson person, Instant expiresAt) {}

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final Clock clock;

  public PendingLinks(Clock clock) {
    this.clock = clock;
  }

  /** Keeps {@code person} for {@code lifetime} and answers the ticket that signs them in. */
  public String push(SignedInPerson person, Duration lifetime) {
    Instant now = clock.instant();
    pending.values().removeIf(waiting -> !waiting.expiresAt().isAfter(now));
    byte[] ticket = new byte[32];
    random.nextBytes(ticket);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(ticket);
    pending.put(id, new Pending(person, now.plus(lifetime)));
    return id;
  }

  /** The person behind {@code ticket}, once: gone afterwards, and empty once expired. */
  public Optional<SignedInPerson> open(String ticket) {
    if (ticket == null) {
      return Optional.empty();
    }
    Pending found = pending.remove(ticket);
    if (found == null || !found.expiresAt().isAfter(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(found.person());
  }
}
