package com.onix.twofactor.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokenCacheTest {

  private final MovableTime time = new MovableTime(Instant.parse("2026-12-08T10:00:00Z"));
  private final CountingDecoder full = new CountingDecoder();
  private final VerifiedTokenCache cache = new VerifiedTokenCache(full, time.clock(), time);

  @Test
  void aTokenAcceptedOnceIsNotCheckedAgainBeforeItExpires() {
    full.accept("token-a", time.now().plusSeconds(600));

    cache.decode("token-a");
    cache.decode("token-a");
    cache.decode("token-a");

    assertThat(full.checks("token-a")).isEqualTo(1);
  }

  @Test
  void aRefusedTokenIsCheckedEveryTime() {
    assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
    assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);

    assertThat(full.checks("forged")).isEqualTo(2);
  }

  @Test
  void anExpiredTokenIsCheckedAgainAndRefused() {
    full.accept("token-a", time.now().plusSeconds(30));
    cache.decode("token-a");

    time.advance(Duration.ofSeconds(31));
    full.refuseFromNowOn("token-a");

    assertThatThrownBy(() -> cache.decode("token-a")).isInstanceOf(BadJwtException.class);
    assertThat(full.checks("token-a")).isEqualTo(2);
  }

  @Test
  void aLongLivedTokenIsCheckedAgainAfterTheLongestTrust() {
    full.accept("token-a", time.now().plus(Duration.ofHours(8)));
    cache.decode("token-a");

    time.advance(VerifiedTokenCache.LONGEST_TRUST.plusSeconds(1));
    cache.decode("token-a");

    assertThat(full.checks("token-a")).isEqualTo(2);
  }

  @Test
  void twoTokensAreCachedApart() {
    full.accept("token-a", time.now().plusSeconds(600));
    full.accept("token-b", time.now().plusSeconds(600));

    assertThat(cache.decode("token-a").getSubject()).isEqualTo("token-a");
    assertThat(cache.decode("token-b").getSubject()).isEqualTo("token-b");
    assertThat(cache.decode("token-a").getSubject()).isEqualTo("token-a");
  }

  /** Accepts the tokens it was told to, with their {@code exp}, and counts every check. */
  private static final class CountingDecoder implements JwtDecoder {
    private final Map<String, Instant> accepted = new HashMap<>();
    private final Map<String, AtomicInteger> checks = new HashMap<>();

    void accept(String token, Instant expiresAt) {
      accepted.put(token, expiresAt);
    }

    void refuseFromNowOn(String token) {
      accepted.remove(token);
    }

    int checks(String token) {
      return checks.getOrDefault(token, new AtomicInteger()).get();
    }

    @Override
    public Jwt decode(String token) {
      checks.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
      Instant expiresAt = accepted.get(token);
      if (expiresAt == null) {
        throw new BadJwtException("refused");
      }
      return Jwt.withTokenValue(token)
          .header("alg", "RS256")
          .subject(token)
          .issuedAt(expiresAt.minusSeconds(60))
          .expiresAt(expiresAt)
          .build();
    }
  }

  /** One clock for the cache's expiry decisions and for Caffeine's eviction. */
  private static final class MovableTime implements Ticker {
    private Instant now;
    private long nanos;

    MovableTime(Instant start) {
      this.now = start;
    }

    Instant now() {
      return now;
    }

    void advance(Duration by) {
      now = now.plus(by);
      nanos += by.toNanos();
    }

    Clock clock() {
      return new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
    }

    @Override
    public long read() {
      return nanos;
    }
  }
}
