package com.onix.twofactor.console.signin;

import com.onix.twofactor.console.ConsoleSettings;
import com.onix.twofactor.support.web.Problems;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /sign-in-links} (embedded default): whoever holds a token the APIs accept, for an
 * organization admin or auditor, trades it for a one-time link that signs that person in to the
 * console with the same token. {@code ./onix console-link} calls it.
 */
@RestController
public class SignInLinkController {

  private final PendingLinks links;
  private final PersonFromToken people;
  private final ConsoleSettings settings;

  public SignInLinkController(
      PendingLinks links, PersonFromToken people, ConsoleSettings settings) {
    this.links = links;
    this.people = people;
    this.settings = settings;
  }

  @PostMapping(path = "/sign-in-links", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> push(@AuthenticationPrincipal Jwt token) {
    if (!settings.signInLinksEnabled()) {
      return problem(
          HttpStatus.NOT_FOUND,
          "ROUTE_NOT_FOUND",
          "Sign-in links are off: this console signs people in through the identity provider.");
    }
    SignedInPerson person = people.of(token);
    if (!person.canRead()) {
      return problem(
          HttpStatus.FORBIDDEN,
          "FORBIDDEN",
          "The console is for ORG_ADMIN and AUDITOR tokens that name their organization (org).");
    }
    String ticket = links.push(person, settings.linkLifetime());
    String url = settings.publicUrl() + "/sign-in/link?ticket=" + ticket;
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(Map.of("url", url, "expires_in", settings.linkLifetime().toSeconds()));
  }

  private static ResponseEntity<?> problem(HttpStatus status, String code, String detail) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(Problems.of(status, code, detail));
  }
}
