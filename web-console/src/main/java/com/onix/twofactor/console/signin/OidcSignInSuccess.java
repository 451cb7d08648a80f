package com.onix.twofactor.console.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * After the identity provider signed someone in: their access token, checked as the APIs check it,
 * names the person (its {@code sub}, {@code roles} and {@code org}); the console keeps that token
 * for their API calls and nothing else of the exchange.
 */
public class OidcSignInSuccess implements AuthenticationSuccessHandler {

  private static final Logger log = LoggerFactory.getLogger(OidcSignInSuccess.class);

  private final OAuth2AuthorizedClientService clients;
  private final PersonFromToken people;

  public OidcSignInSuccess(OAuth2AuthorizedClientService clients, PersonFromToken people) {
    this.clients = clients;
    this.people = people;
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    OAuth2AuthenticationToken signedIn = (OAuth2AuthenticationToken) authentication;
    OAuth2AuthorizedClient client =
        clients.loadAuthorizedClient(
            signedIn.getAuthorizedClientRegistrationId(), signedIn.getName());
    Optional<SignedInPerson> person =
        client == null ? Optional.empty() : people.read(client.getAccessToken().getTokenValue());
    if (client != null) {
      clients.removeAuthorizedClient(
          signedIn.getAuthorizedClientRegistrationId(), signedIn.getName());
    }
    SecurityContextHolder.clearContext();
    request
        .getSession()
        .removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
    if (person.isEmpty() || !person.get().canRead()) {
      log.warn("An OIDC sign-in was refused: its access token names no admin or auditor role");
      response.sendRedirect(request.getContextPath() + "/sign-in?error=role");
      return;
    }
    person.get().keepIn(request.getSession());
    response.sendRedirect(request.getContextPath() + "/users");
  }
}
