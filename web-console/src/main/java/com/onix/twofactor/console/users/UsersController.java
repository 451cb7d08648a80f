package com.onix.twofactor.console.users;

import com.onix.twofactor.console.apis.ConsoleApis;
import com.onix.twofactor.console.apis.StatusCounts;
import com.onix.twofactor.console.apis.UserPage;
import com.onix.twofactor.console.page.Checked;
import com.onix.twofactor.console.page.Pages;
import com.onix.twofactor.console.page.StatusWords;
import com.onix.twofactor.console.signin.SignedInPerson;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** Settings &gt; Users &amp; Roles: the organization's users, their 2FA status, and the counts. */
@Controller
public class UsersController {

  static final int PAGE_SIZE = 25;

  private final ConsoleApis apis;

  public UsersController(ConsoleApis apis) {
    this.apis = apis;
  }

  @GetMapping("/")
  ModelAndView home() {
    return Pages.redirect("/users");
  }

  @GetMapping("/users")
  ModelAndView users(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String method,
      @RequestParam(required = false) String cursor,
      SignedInPerson person) {
    String twoFactor = Checked.oneOf(status, StatusWords.STATUSES.keySet());
    String signInMethod = Checked.oneOf(method, StatusWords.METHODS.keySet());
    String from = Checked.cursor(cursor);
    StatusCounts counts = apis.counts(person.organizationId(), null, person.token());
    UserPage page =
        apis.users(
            person.organizationId(), twoFactor, signInMethod, PAGE_SIZE, from, person.token());
    return Pages.page("users", HttpStatus.OK)
        .addObject("section", "users")
        .addObject("counts", counts)
        .addObject("statuses", StatusWords.STATUSES)
        .addObject("methods", StatusWords.METHODS)
        .addObject("status", twoFactor)
        .addObject("method", signInMethod)
        .addObject("firstPage", from == null)
        .addObject("page", page)
        .addObject("words", new StatusWordsView());
  }
}
