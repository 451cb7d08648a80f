package com.onix.twofactor.console.signin;

import com.onix.twofactor.console.ConsoleSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * Production sign-in: the identity provider at {@code ONIX_CONSOLE_OIDC_ISSUER} (its discovery
 * document read at start), the console as the client {@code ONIX_CONSOLE_OIDC_CLIENT_ID}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${onix.console.oidc.issuer:}'.trim() != ''")
public class OidcSignIn {

  public static final String REGISTRATION = "onix";

  @Bean
  ClientRegistrationRepository clientRegistrations(ConsoleSettings settings) {
    ConsoleSettings.Oidc oidc = settings.oidc();
    if (oidc.clientId().isEmpty()) {
      throw new IllegalStateException(
          "ONIX_CONSOLE_OIDC_ISSUER is set, so ONIX_CONSOLE_OIDC_CLIENT_ID must be set too");
    }
    ClientRegistration.Builder registration =
        ClientRegistrations.fromIssuerLocation(oidc.issuer())
            .registrationId(REGISTRATION)
            .clientId(oidc.clientId())
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .scope(oidc.scopes());
    if (oidc.clientSecret().isEmpty()) {
      registration.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
    } else {
      registration
          .clientSecret(oidc.clientSecret())
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
    }
    return new InMemoryClientRegistrationRepository(registration.build());
  }

  @Bean
  OAuth2AuthorizedClientService authorizedClients(ClientRegistrationRepository registrations) {
    return new InMemoryOAuth2AuthorizedClientService(registrations);
  }

  @Bean
  OidcSignInSuccess oidcSignInSuccess(
      OAuth2AuthorizedClientService clients, PersonFromToken people) {
    return new OidcSignInSuccess(clients, people);
  }
}
