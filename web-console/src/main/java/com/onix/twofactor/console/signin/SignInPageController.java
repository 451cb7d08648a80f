package com.onix.twofactor.console.signin;

import com.onix.twofactor.console.ConsoleSettings;
import com.onix.twofactor.console.page.Pages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** Signing in (by a one-time link, or at the identity provider) and out. */
@Controller
public class SignInPageController {

  private final PendingLinks links;
  private final ConsoleSettings settings;
  private final Clock clock;

  public SignInPageController(PendingLinks links, ConsoleSettings settings, Clock clock) {
    this.links = links;
    this.settings = settings;
    this.clock = clock;
  }

  @GetMapping("/sign-in")
  ModelAndView signIn(@RequestParam(required = false) String error) {
    return Pages.page("sign-in", HttpStatus.OK)
        .addObject("oidc", settings.oidc().enabled())
        .addObject("failed", error != null);
  }

  /** Opens a one-time link: a fresh session (never one a link was pasted into) for its person. */
  @GetMapping("/sign-in/link")
  ModelAndView link(@RequestParam(required = false) String ticket, HttpServletRequest request) {
    Optional<SignedInPerson> person = links.open(ticket);
    if (person.isEmpty() || person.get().expiredAt(clock.instant())) {
      return Pages.page("link-expired", HttpStatus.GONE);
    }
    HttpSession old = request.getSession(false);
    if (old != null) {
      old.invalidate();
    }
    person.get().keepIn(request.getSession(true));
    // A page on the way that lets the browser report its time zone before the first real page.
    return Pages.page("signing-in", HttpStatus.OK).addObject("next", "/users");
  }

  @PostMapping("/sign-out")
  ModelAndView signOut(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    return Pages.redirect("/signed-out");
  }

  @GetMapping("/signed-out")
  ModelAndView signedOut(@RequestParam(required = false) String reason) {
    return Pages.page("signed-out", HttpStatus.OK).addObject("ended", "ended".equals(reason));
  }
}
