package com.onix.twofactor.console.signin;

import com.onix.twofactor.console.page.PageModel;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.Optional;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The console's pages need someone signed in whose token is still valid: otherwise the browser is
 * sent to sign in, or told the session ended. The person is then available to the controllers.
 */
public class SignedInRequired implements HandlerInterceptor {

  public static final String PERSON = PageModel.PERSON;

  private final Clock clock;

  public SignedInRequired(Clock clock) {
    this.clock = clock;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws Exception {
    HttpSession session = request.getSession(false);
    Optional<SignedInPerson> person = SignedInPerson.in(session);
    if (person.isEmpty()) {
      response.sendRedirect(request.getContextPath() + "/sign-in");
      return false;
    }
    if (person.get().expiredAt(clock.instant())) {
      session.invalidate();
      response.sendRedirect(request.getContextPath() + "/signed-out?reason=ended");
      return false;
    }
    request.setAttribute(PERSON, person.get());
    return true;
  }
}
