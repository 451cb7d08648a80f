package com.onix.twofactor.console.signin;

import com.onix.twofactor.support.security.TokenClaims;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * Turns a token into the person it names, through the very decoder and validator the APIs use
 * (issuer, keys, audience, lifetime), reading the same {@code sub}, {@code roles} and {@code org}.
 * A token the APIs would refuse signs nobody in.
 */
@Component
public class PersonFromToken {

  private final JwtDecoder decoder;

  public PersonFromToken(JwtDecoder decoder) {
    this.decoder = decoder;
  }

  public Optional<SignedInPerson> read(String token) {
    try {
      return Optional.of(of(decoder.decode(token)));
    } catch (JwtException refused) {
      return Optional.empty();
    }
  }

  public SignedInPerson of(Jwt jwt) {
    Set<String> roles = new HashSet<>();
    Object claim = jwt.getClaims().get(TokenClaims.ROLES);
    if (claim instanceof List<?> list) {
      list.forEach(role -> roles.add(String.valueOf(role)));
    } else if (claim instanceof String single) {
      roles.add(single);
    }
    return new SignedInPerson(
        jwt.getSubject(),
        roles,
        jwt.getClaimAsString(TokenClaims.ORGANIZATION),
        jwt.getTokenValue(),
        jwt.getExpiresAt());
  }
}
