package com.onix.twofactor.support.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code GET /actuator/prometheus} is for the platform's operators only: the counts tell how busy
 * each part is, which is nobody else's business. Its own chain, ahead of the API's, so that no
 * controller (and no {@link Caller} parameter) is needed to check the role.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsEndpointSecurity {

  public static final String PROMETHEUS = "/actuator/prometheus";

  @Bean
  @Order(1)
  SecurityFilterChain metricsFilterChain(
      HttpSecurity http, JwtDecoder decoder, ProblemSecurityResponses responses) throws Exception {
    http.securityMatcher(PROMETHEUS)
        .csrf(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            rules ->
                rules
                    .requestMatchers(HttpMethod.GET, PROMETHEUS)
                    .access(
                        (authentication, context) ->
                            new AuthorizationDecision(
                                authentication.get() instanceof JwtAuthenticationToken token
                                    && CallerArgumentResolver.fromToken(token.getToken())
                                        .has(OnixRole.PLATFORM_OPERATOR)))
                    .anyRequest()
                    .denyAll())
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
}
