package com.onix.twofactor.console.page;

import com.onix.twofactor.console.apis.ApiRefusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every API refusal a page did not handle itself, and anything unforeseen, ends on a page a person
 * can read: never a stack trace or JSON.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
public class ConsoleErrors {

  private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

  private final PageModel pageModel;

  public ConsoleErrors(PageModel pageModel) {
    this.pageModel = pageModel;
  }

  @ExceptionHandler(ApiRefusal.class)
  ModelAndView refused(ApiRefusal refusal, HttpServletRequest request) {
    return pageModel.addTo(page(refusal, request), request);
  }

  private ModelAndView page(ApiRefusal refusal, HttpServletRequest request) {
    log.warn("A console page could not continue: {} {}", refusal.status(), refusal.code());
    return switch (refusal.code()) {
      case "UNAUTHENTICATED" -> {
        HttpSession session = request.getSession(false);
        if (session != null) {
          session.invalidate();
        }
        yield Pages.redirect("/signed-out?reason=ended");
      }
      case "FORBIDDEN" ->
          Pages.problem(
              HttpStatus.FORBIDDEN,
              "Not allowed",
              "Your role does not allow this. Ask an organization admin if you need it done.");
      case "UNKNOWN_USER" ->
          Pages.problem(
              HttpStatus.NOT_FOUND,
              "User not found",
              "We couldn't find this user in your organization. They may have been removed, or"
                  + " the link is wrong.");
      case "UNKNOWN_ORGANIZATION" ->
          Pages.problem(
              HttpStatus.NOT_FOUND,
              "Organization not found",
              "Your organization is not known to Onix two-factor authentication yet.");
      case "CONCURRENT_CHANGE" ->
          Pages.problem(
              HttpStatus.CONFLICT,
              "Changed at the same moment",
              "Someone else changed this at the same moment. Please look again and retry.");
      case "UNAVAILABLE", "NOT_YET_CONSISTENT" ->
          Pages.problem(
                  HttpStatus.SERVICE_UNAVAILABLE,
                  "Briefly unavailable",
                  "Onix two-factor authentication is briefly unavailable. Please try again in a"
                      + " minute.")
              .addObject("retry", retryTarget(request));
      default ->
          Pages.problem(
              HttpStatus.BAD_GATEWAY,
              "Something went wrong",
              "Something went wrong while talking to Onix two-factor authentication. Please try"
                  + " again; if it keeps happening, contact support.");
    };
  }

  @ExceptionHandler({
    MethodArgumentTypeMismatchException.class,
    MissingServletRequestParameterException.class
  })
  ModelAndView badAddress(HttpServletRequest request) {
    return pageModel.addTo(
        Pages.problem(
            HttpStatus.NOT_FOUND, "Page not found", "There is no such page. Check the address."),
        request);
  }

  @ExceptionHandler(Exception.class)
  ModelAndView unexpected(Exception failure, HttpServletRequest request) {
    log.error("Unexpected failure on a console page: {}", failure.getClass().getName());
    return pageModel.addTo(
        Pages.problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "Something went wrong",
            "Something went wrong on our side. Please try again."),
        request);
  }

  private static String retryTarget(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod())) {
      return null;
    }
    String query = request.getQueryString();
    return request.getRequestURI() + (query == null ? "" : "?" + query);
  }
}
