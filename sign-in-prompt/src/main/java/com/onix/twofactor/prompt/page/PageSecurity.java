package com.onix.twofactor.prompt.page;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The pages a browser opens: no bearer token (the one-time link and the prompt's session cookie are
 * what let the user in), CSRF tokens on every form, and strict headers. Everything else, above all
 * {@code POST /prompt-requests}, stays behind service support's bearer-token chain.
 */
@Configuration(proxyBeanMethods = false)
public class PageSecurity {

  static final String[] PAGES = {
    "/prompt", "/prompt/**", "/demo/**", "/.well-known/**", "/css/**", "/js/**", "/favicon.ico"
  };

  @Bean
  @Order(1)
  SecurityFilterChain pageFilterChain(HttpSecurity http) throws Exception {
    http.securityMatcher(PAGES)
        .authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
        .csrf(Customizer.withDefaults())
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .anonymous(Customizer.withDefaults())
        // A form sent after its session ended (or forged) is told the link has expired.
        .exceptionHandling(
            errors ->
                errors.accessDeniedHandler(
                    (request, response, denied) ->
                        response.sendRedirect(request.getContextPath() + "/prompt/expired")))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(
                        csp ->
                            csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; object-src 'none';"
                                    + " base-uri 'none'; frame-ancestors 'none'"))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
    return http.build();
  }
}
