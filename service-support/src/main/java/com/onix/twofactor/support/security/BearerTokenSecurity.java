package com.onix.twofactor.support.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.onix.twofactor.support.web.ProblemResponseWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every request but health and the API docs needs a bearer token: signed with RS256 or ES256 by the
 * configured issuer (or the local development key), with {@code exp}, {@code sub} and the right
 * {@code iss}. Roles and tenancy are checked per route, before Spring MVC reads a parameter, by
 * {@link RouteAuthorization} from each handler's {@link AllowedRoles}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenSettings.class)
@Import({CallerParameters.class, ProblemResponsesDocumentation.class})
public class BearerTokenSecurity {

  @Bean
  ProblemSecurityResponses problemSecurityResponses(ProblemResponseWriter problems) {
    return new ProblemSecurityResponses(problems);
  }

  @Bean
  RouteAuthorization routeAuthorization(BeanFactory beans) {
    return new RouteAuthorization(beans);
  }

  @Bean
  SecurityFilterChain bearerTokenFilterChain(
      HttpSecurity http,
      JwtDecoder decoder,
      ProblemSecurityResponses responses,
      RouteAuthorization routes,
      @Value("${springdoc.swagger-ui.enabled:false}") boolean swaggerUi)
      throws Exception {
    String[] publicDocs =
        swaggerUi
            ? new String[] {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"}
            : new String[] {"/v3/api-docs", "/v3/api-docs/**"};
    http.csrf(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            rules ->
                rules
                    .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, publicDocs)
                    .permitAll()
                    // The query side's audit checkpoint keys: public keys, published like a JWKS.
                    .requestMatchers(
                        HttpMethod.GET, "/audit-checkpoint-keys", "/audit-checkpoint-keys/*")
                    .permitAll()
                    .requestMatchers("/error")
                    .permitAll()
                    .anyRequest()
                    .access(routes))
        .oauth2ResourceServer(
            resource ->
                resource
                    .jwt(jwt -> jwt.decoder(decoder))
                    .authenticationEntryPoint(responses)
                    .accessDeniedHandler(responses))
        .exceptionHandling(
            errors -> errors.authenticationEntryPoint(responses).accessDeniedHandler(responses));
    return http.build();
  }

  @Bean
  JwtDecoder jwtDecoder(TokenSettings settings, @Value("${onix.data-dir}") Path dataDirectory) {
    NimbusJwtDecoder decoder;
    if (!settings.usesLocalKey()
        && settings.jwkSetFile() != null
        && !settings.jwkSetFile().isBlank()) {
      decoder = fromJwkSetFile(Path.of(settings.jwkSetFile()));
    } else if (!settings.usesLocalKey()) {
      decoder =
          NimbusJwtDecoder.withJwkSetUri(settings.jwksUri())
              .jwsAlgorithms(
                  algorithms ->
                      algorithms.addAll(
                          Set.of(
                              org.springframework.security.oauth2.jose.jws.SignatureAlgorithm.RS256,
                              org.springframework.security.oauth2.jose.jws.SignatureAlgorithm
                                  .ES256)))
              .build();
    } else {
      try {
        decoder =
            NimbusJwtDecoder.withPublicKey(
                    LocalSigningKey.loadOrCreate(dataDirectory).toRSAPublicKey())
                .build();
      } catch (com.nimbusds.jose.JOSEException e) {
        throw new IllegalStateException("the local signing key has no usable public key", e);
      }
    }
    decoder.setJwtValidator(validator(settings));
    return new VerifiedTokenCache(decoder);
  }

  static OAuth2TokenValidator<Jwt> validator(TokenSettings settings) {
    OAuth2TokenValidator<Jwt> audience =
        settings.audienceRequired()
            ? new JwtClaimValidator<List<String>>(
                JwtClaimNames.AUD, aud -> aud != null && aud.contains(settings.audience()))
            : token -> OAuth2TokenValidatorResult.success();
    return new DelegatingOAuth2TokenValidator<>(
        audience,
        new JwtTimestampValidator(settings.clockSkew()),
        new JwtIssuerValidator(settings.issuer()),
        new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
        new TokenLifetimeValidator(settings.maxLifetime(), settings.clockSkew(), Clock.systemUTC()),
        new JwtClaimValidator<Object>(
            JwtClaimNames.SUB, sub -> sub instanceof String text && !text.isBlank()));
  }

  private static NimbusJwtDecoder fromJwkSetFile(Path file) {
    try {
      JWKSet keys = JWKSet.load(file.toFile());
      DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
      processor.setJWSKeySelector(
          new JWSVerificationKeySelector<>(
              Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), new ImmutableJWKSet<>(keys)));
      // Claims are checked by the validator above, as for the other two sources.
      processor.setJWTClaimsSetVerifier((claims, context) -> {});
      return new NimbusJwtDecoder(processor);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the JWK set file " + file, e);
    } catch (ParseException e) {
      throw new IllegalStateException("the JWK set file is not a JWK set: " + file);
    }
  }
}
