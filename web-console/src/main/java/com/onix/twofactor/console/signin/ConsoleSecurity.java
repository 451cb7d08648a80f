package com.onix.twofactor.console.signin;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The pages a browser opens: the session cookie is what lets a person in (checked by {@link
 * SignedInRequired}), CSRF tokens guard every form, and headers are strict. With OIDC configured,
 * the authorization-code flow with PKCE signs people in. {@code POST /sign-in-links} and health
 * stay behind service support's bearer-token chain.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurity {

  @Bean
  @Order(2)
  SecurityFilterChain pageFilterChain(
      HttpSecurity http,
      ObjectProvider<ClientRegistrationRepository> registrations,
      ObjectProvider<OidcSignInSuccess> oidcSuccess)
      throws Exception {
    http.securityMatcher(ConsoleSecurity::isPage)
        .authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
        .csrf(Customizer.withDefaults())
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .anonymous(Customizer.withDefaults())
        // A form sent after its session ended (or forged) is told the session has ended.
        .exceptionHandling(
            errors ->
                errors.accessDeniedHandler(
                    (request, response, denied) ->
                        response.sendRedirect(
                            request.getContextPath() + "/signed-out?reason=ended")))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(
                        csp ->
                            csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; object-src 'none';"
                                    + " base-uri 'none'; form-action 'self'; frame-ancestors"
                                    + " 'none'"))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
    ClientRegistrationRepository oidc = registrations.getIfAvailable();
    if (oidc != null) {
      DefaultOAuth2AuthorizationRequestResolver withPkce =
          new DefaultOAuth2AuthorizationRequestResolver(oidc, "/oauth2/authorization");
      withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
      http.oauth2Login(
          login ->
              login
                  .loginPage("/sign-in")
                  .clientRegistrationRepository(oidc)
                  .authorizationEndpoint(
                      endpoint -> endpoint.authorizationRequestResolver(withPkce))
                  .successHandler(oidcSuccess.getObject())
                  .failureHandler(
                      (request, response, failure) ->
                          response.sendRedirect(request.getContextPath() + "/sign-in?error")));
    }
    return http.build();
  }

  private static boolean isPage(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !path.equals("/sign-in-links") && !path.startsWith("/actuator");
  }
}
