package com.onix.twofactor.prompt.demo;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Set;

/**
 * What a sign-in page does with a result, here with Nimbus JOSE + JWT: the signature against the
 * prompt's JWK set (fetched over HTTP and cached), the type, {@code iss}, {@code aud}, {@code exp}
 * and the required claims. Comparing {@code nonce} and {@code state} with its own session is the
 * sign-in page's part.
 */
final class ResultCheck {

  private final ConfigurableJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  ResultCheck(String jwkSetUrl, String issuer, String audience) {
    JWKSource<SecurityContext> keys;
    try {
      keys = JWKSourceBuilder.create(URI.create(jwkSetUrl).toURL()).retrying(true).build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("not a JWK set URL: " + jwkSetUrl, e);
    }
    processor.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("onix-sign-in-result+jwt")));
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256), keys));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            audience,
            new JWTClaimsSet.Builder().issuer(issuer).build(),
            Set.of("sub", "email", "amr", "nonce", "iat", "exp", "jti")));
  }

  /** The result's claims, or an exception saying why it is not to be trusted. */
  JWTClaimsSet check(String result) throws Exception {
    return processor.process(result, null);
  }
}
