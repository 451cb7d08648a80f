package com.onix.twofactor.console.page;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's template may use: the viewer's times, safe text, and who is signed in. */
@ControllerAdvice(annotations = Controller.class)
public class PageModel {

  /** The request attribute that holds the signed-in person, once sign-in has found them. */
  public static final String PERSON = "person";

  private static final SafeText SAFE_TEXT = new SafeText();

  private final Clock clock;

  public PageModel(Clock clock) {
    this.clock = clock;
  }

  /** The same for a page an exception handler answers (which gets no model attributes). */
  public org.springframework.web.servlet.ModelAndView addTo(
      org.springframework.web.servlet.ModelAndView page, HttpServletRequest request) {
    if (page.getView() == null) {
      page.addObject("time", time(request))
          .addObject("safe", SAFE_TEXT)
          .addObject("person", person(request));
    }
    return page;
  }

  @ModelAttribute("time")
  ViewerTime time(HttpServletRequest request) {
    return ViewerTime.of(request, clock.instant());
  }

  @ModelAttribute("safe")
  SafeText safe() {
    return SAFE_TEXT;
  }

  @ModelAttribute("person")
  Object person(HttpServletRequest request) {
    return request.getAttribute(PERSON);
  }
}
