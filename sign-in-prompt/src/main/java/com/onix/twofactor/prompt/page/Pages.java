package com.onix.twofactor.prompt.page;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** Small helpers for the prompt's answers: a template with its status, or a 303 redirect. */
final class Pages {

  private Pages() {}

  static ModelAndView page(String template, HttpStatus status) {
    ModelAndView page = new ModelAndView(template);
    page.setStatus(status);
    return page;
  }

  static ModelAndView problem(HttpStatus status, String message) {
    return page("problem", status).addObject("message", message);
  }

  /** A 303 to {@code url}, taken as it is (no template variables, no model in the query). */
  static ModelAndView redirect(String url) {
    RedirectView view = new RedirectView(url, true);
    view.setExpandUriTemplateVariables(false);
    view.setExposeModelAttributes(false);
    view.setStatusCode(HttpStatus.SEE_OTHER);
    return new ModelAndView(view);
  }

  static ModelAndView redirectOutside(String absoluteUrl) {
    RedirectView view = new RedirectView(absoluteUrl, false);
    view.setExpandUriTemplateVariables(false);
    view.setExposeModelAttributes(false);
    view.setStatusCode(HttpStatus.SEE_OTHER);
    return new ModelAndView(view);
  }
}
