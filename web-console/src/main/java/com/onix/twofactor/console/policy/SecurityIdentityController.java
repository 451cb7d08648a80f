package com.onix.twofactor.console.policy;

import com.onix.twofactor.console.apis.ConsoleApis;
import com.onix.twofactor.console.apis.Policy;
import com.onix.twofactor.console.apis.StatusCounts;
import com.onix.twofactor.console.page.Checked;
import com.onix.twofactor.console.page.Pages;
import com.onix.twofactor.console.signin.SignedInPerson;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings &gt; Users &amp; Roles &gt; Security &amp; identity: the company-wide Require two-factor
 * authentication policy, with Edit, and what a change will do before it is saved.
 */
@Controller
public class SecurityIdentityController {

  private final ConsoleApis apis;

  public SecurityIdentityController(ConsoleApis apis) {
    this.apis = apis;
  }

  @GetMapping("/security")
  ModelAndView show(SignedInPerson person, Model model) {
    String version = Checked.version(model.getAttribute("version"));
    Policy policy = apis.policy(person.organizationId(), version, person.token());
    StatusCounts counts = apis.counts(person.organizationId(), version, person.token());
    return Pages.page("security", HttpStatus.OK)
        .addObject("section", "security")
        .addObject("policy", policy)
        .addObject("counts", counts);
  }

  @GetMapping("/security/edit")
  ModelAndView edit(SignedInPerson person) {
    if (!person.canChange()) {
      return readOnly();
    }
    Policy policy = apis.policy(person.organizationId(), null, person.token());
    StatusCounts counts = apis.counts(person.organizationId(), null, person.token());
    return Pages.page("security-edit", HttpStatus.OK)
        .addObject("section", "security")
        .addObject("policy", policy)
        .addObject("preview", PolicyPreview.of(counts));
  }

  /** Sends only what changed: each change is one audited command, and none is sent twice. */
  @PostMapping("/security")
  ModelAndView save(
      @RequestParam(defaultValue = "false") boolean required,
      @RequestParam(defaultValue = "false") boolean emailCodes,
      SignedInPerson person,
      RedirectAttributes next) {
    if (!person.canChange()) {
      return readOnly();
    }
    Policy before = apis.policy(person.organizationId(), null, person.token());
    String version = null;
    StringBuilder notice = new StringBuilder("Saved.");
    if (required != before.required()) {
      version = apis.setPolicy(person.organizationId(), required, person.token());
      notice.append(
          required
              ? " Two-factor authentication is now required for everyone who signs in with email"
                  + " and password."
              : " Two-factor authentication is no longer required. Users who set it up keep being"
                  + " asked for a code.");
    }
    if (emailCodes != before.emailCodesAllowed()) {
      version = apis.setEmailCodes(person.organizationId(), emailCodes, person.token());
      notice.append(
          emailCodes
              ? " Users with an authenticator app can now also have a sign-in code emailed to"
                  + " them."
              : " Sign-in codes by email are no longer offered.");
    }
    if (version == null) {
      notice.append(" Nothing was changed.");
    }
    next.addFlashAttribute("version", version);
    next.addFlashAttribute("notice", notice.toString());
    return Pages.redirect("/security");
  }

  private static ModelAndView readOnly() {
    return Pages.problem(
        HttpStatus.FORBIDDEN,
        "Not allowed",
        "Your role can read the console but not change anything. Ask an organization admin.");
  }
}
