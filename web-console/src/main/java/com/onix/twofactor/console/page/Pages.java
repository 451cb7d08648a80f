package com.onix.twofactor.console.page;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** Small helpers for the console's answers: a template with its status, or a 303 redirect. */
public final class Pages {

  private Pages() {}

  public static ModelAndView page(String template, HttpStatus status) {
    ModelAndView page = new ModelAndView(template);
    page.setStatus(status);
    return page;
  }

  public static ModelAndView problem(HttpStatus status, String title, String message) {
    return page("problem", status).addObject("title", title).addObject("message", message);
  }

  /** A 303 to a path of the console, taken as it is (no template variables, no model). */
  public static ModelAndView redirect(String path) {
    RedirectView view = new RedirectView(path, true);
    view.setExpandUriTemplateVariables(false);
    view.setExposeModelAttributes(false);
    view.setStatusCode(HttpStatus.SEE_OTHER);
    return new ModelAndView(view);
  }
}
