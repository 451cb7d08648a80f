package com.onix.twofactor.console.users;

import com.onix.twofactor.console.apis.ApiRefusal;
import com.onix.twofactor.console.apis.AuditEvent;
import com.onix.twofactor.console.apis.ConsoleApis;
import com.onix.twofactor.console.apis.ConsoleUser;
import com.onix.twofactor.console.apis.IssuedCode;
import com.onix.twofactor.console.audit.UserHistory;
import com.onix.twofactor.console.page.Checked;
import com.onix.twofactor.console.page.Pages;
import com.onix.twofactor.console.page.ViewerTime;
import com.onix.twofactor.console.signin.SignedInPerson;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A user's page: their 2FA state and history, and what an admin does for a stuck user: Get access
 * code, Revoke, Reset two-factor authentication. Auditors see the page without the buttons, and the
 * actions refuse them too.
 */
@Controller
public class UserController {

  static final int MAX_REASON = 500;

  private final ConsoleApis apis;
  private final UserHistory history;

  public UserController(ConsoleApis apis, UserHistory history) {
    this.apis = apis;
    this.history = history;
  }

  @GetMapping("/users/{userId}")
  ModelAndView user(
      @PathVariable String userId, Model model, SignedInPerson person, ViewerTime time) {
    if (!Checked.isId(userId)) {
      return notFound();
    }
    return userPage(
        userId, Checked.version(model.getAttribute("version")), person, time, HttpStatus.OK);
  }

  @PostMapping("/users/{userId}/access-codes")
  ModelAndView issue(
      @PathVariable String userId,
      @RequestParam(defaultValue = "60") int lifetime,
      SignedInPerson person,
      ViewerTime time,
      HttpServletResponse response) {
    if (!Checked.isId(userId)) {
      return notFound();
    }
    if (!person.canChange()) {
      return readOnly();
    }
    int minutes = Lifetimes.allowed(lifetime) ? lifetime : Lifetimes.DEFAULT;
    IssuedCode issued;
    try {
      issued = apis.issueAccessCode(person.organizationId(), userId, minutes, person.token());
    } catch (ApiRefusal refusal) {
      if ("TWO_FACTOR_EXEMPT".equals(refusal.code())) {
        return userPage(userId, null, person, time, HttpStatus.CONFLICT)
            .addObject(
                "error",
                "This user signs in with Microsoft Entra ID, so Onix two-factor authentication"
                    + " does not apply to them and no access code is needed.");
      }
      throw refusal;
    }
    // The code exists on this one answer only: never cached, never kept in the session.
    response.setHeader("Cache-Control", "no-store");
    return userPage(userId, issued.version(), person, time, HttpStatus.CREATED)
        .addObject("issued", issued);
  }

  @PostMapping("/users/{userId}/access-codes/{accessCodeId}/revoke")
  ModelAndView revoke(
      @PathVariable String userId,
      @PathVariable String accessCodeId,
      SignedInPerson person,
      RedirectAttributes next) {
    if (!Checked.isId(userId) || !Checked.isId(accessCodeId)) {
      return notFound();
    }
    if (!person.canChange()) {
      return readOnly();
    }
    try {
      next.addFlashAttribute(
          "version",
          apis.revokeAccessCode(person.organizationId(), userId, accessCodeId, person.token()));
      next.addFlashAttribute("notice", "The access code was revoked. It no longer works.");
    } catch (ApiRefusal refusal) {
      if (!"UNKNOWN_ACCESS_CODE".equals(refusal.code())
          && !"NO_ACTIVE_ACCESS_CODE".equals(refusal.code())) {
        throw refusal;
      }
      next.addFlashAttribute(
          "notice", "That access code had already stopped working (used, expired or replaced).");
    }
    return Pages.redirect("/users/" + userId);
  }

  @GetMapping("/users/{userId}/reset")
  ModelAndView confirmReset(@PathVariable String userId, SignedInPerson person, ViewerTime time) {
    if (!Checked.isId(userId)) {
      return notFound();
    }
    if (!person.canChange()) {
      return readOnly();
    }
    ConsoleUser user = apis.user(person.organizationId(), userId, null, person.token());
    return Pages.page("reset", HttpStatus.OK).addObject("section", "users").addObject("user", user);
  }

  @PostMapping("/users/{userId}/reset")
  ModelAndView reset(
      @PathVariable String userId,
      @RequestParam(defaultValue = "") String reason,
      SignedInPerson person,
      RedirectAttributes next) {
    if (!Checked.isId(userId)) {
      return notFound();
    }
    if (!person.canChange()) {
      return readOnly();
    }
    String shortened = reason.strip();
    if (shortened.length() > MAX_REASON) {
      shortened = shortened.substring(0, MAX_REASON);
    }
    String version =
        apis.resetTwoFactor(person.organizationId(), userId, shortened, person.token());
    boolean required = apis.policy(person.organizationId(), null, person.token()).required();
    next.addFlashAttribute("version", version);
    next.addFlashAttribute("resetDone", true);
    next.addFlashAttribute("policyRequired", required);
    return Pages.redirect("/users/" + userId);
  }

  private ModelAndView userPage(
      String userId, String version, SignedInPerson person, ViewerTime time, HttpStatus status) {
    ConsoleUser user = apis.user(person.organizationId(), userId, version, person.token());
    List<AuditEvent> events = history.newest(person, userId, version);
    return Pages.page("user", status)
        .addObject("section", "users")
        .addObject("user", user)
        .addObject("history", history.lines(person, events, time, Map.of(userId, user.email())))
        .addObject("lifetimes", Lifetimes.CHOICES)
        .addObject("defaultLifetime", Lifetimes.DEFAULT)
        .addObject("words", new StatusWordsView());
  }

  private static ModelAndView notFound() {
    return Pages.problem(
        HttpStatus.NOT_FOUND,
        "User not found",
        "We couldn't find this user in your organization. Check the address.");
  }

  static ModelAndView readOnly() {
    return Pages.problem(
        HttpStatus.FORBIDDEN,
        "Not allowed",
        "Your role can read the console but not change anything. Ask an organization admin.");
  }
}
