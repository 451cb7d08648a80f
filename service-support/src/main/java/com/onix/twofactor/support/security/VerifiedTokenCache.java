package com.onix.twofactor.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A {@link JwtDecoder} that checks each token's signature and claims once and then trusts the
 * result until the token expires: a sign-in page sends the same token with every request, and
 * checking an RS256 signature and seven claims each time is most of what a trivial request costs.
 *
 * <p>What a cached answer still guarantees: the token was accepted by the full check, and it is
 * given back only while {@code exp} has not passed (stricter than the check, which tolerates the
 * clock skew). Every claim but the time is a property of the token's bytes, so its answer cannot
 * change before then. Refused tokens are never cached. The cache is keyed by the SHA-256 of the
 * token, so a heap dump holds no usable bearer token, and bounded in size and in how long any
 * answer lives (so a key removed from the identity provider's JWK set stops working within that
 * bound).
 */
public final class VerifiedTokenCache implements JwtDecoder {

  static final int MAX_TOKENS = 20_000;
  static final Duration LONGEST_TRUST = Duration.ofMinutes(5);

  private final JwtDecoder delegate;
  private final Clock clock;
  private final Cache<String, Jwt> verified;

  public VerifiedTokenCache(JwtDecoder delegate) {
    this(delegate, Clock.systemUTC(), Ticker.systemTicker());
  }

  VerifiedTokenCache(JwtDecoder delegate, Clock clock, Ticker ticker) {
    this.delegate = delegate;
    this.clock = clock;
    this.verified =
        Caffeine.newBuilder()
            .maximumSize(MAX_TOKENS)
            .ticker(ticker)
            .expireAfter(new UntilExpiry(clock))
            .build();
  }

  @Override
  public Jwt decode(String token) throws JwtException {
    String key = digest(token);
    Jwt known = verified.getIfPresent(key);
    if (known != null && stillValid(known)) {
      return known;
    }
    Jwt checked = delegate.decode(token);
    if (stillValid(checked)) {
      verified.put(key, checked);
    }
    return checked;
  }

  private boolean stillValid(Jwt jwt) {
    Instant expiresAt = jwt.getExpiresAt();
    return expiresAt != null && clock.instant().isBefore(expiresAt);
  }

  private static String digest(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** An entry lives until its token's {@code exp}, and never longer than {@link #LONGEST_TRUST}. */
  private record UntilExpiry(Clock clock) implements Expiry<String, Jwt> {

    @Override
    public long expireAfterCreate(String key, Jwt jwt, long currentTime) {
      Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
      Duration trust = left.compareTo(LONGEST_TRUST) < 0 ? left : LONGEST_TRUST;
      return Math.max(0, trust.toNanos());
    }

    @Override
    public long expireAfterUpdate(String key, Jwt jwt, long currentTime, long currentDuration) {
      return expireAfterCreate(key, jwt, currentTime);
    }

    @Override
    public long expireAfterRead(String key, Jwt jwt, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}
