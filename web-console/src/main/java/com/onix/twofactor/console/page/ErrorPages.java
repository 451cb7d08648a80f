package com.onix.twofactor.console.page;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/** What the container's errors (no such page, a wrong method) look like: a page, not JSON. */
@Controller
public class ErrorPages implements ErrorController {

  @RequestMapping("/error")
  ModelAndView error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status =
        code instanceof Integer number && HttpStatus.resolve(number) != null
            ? HttpStatus.valueOf(number)
            : HttpStatus.INTERNAL_SERVER_ERROR;
    if (status == HttpStatus.NOT_FOUND) {
      return Pages.problem(status, "Page not found", "There is no such page. Check the address.");
    }
    if (status.is4xxClientError()) {
      return Pages.problem(
          status,
          "That didn't work",
          "The console could not accept this request. Please go back and try again.");
    }
    return Pages.problem(
        status, "Something went wrong", "Something went wrong on our side. Please try again.");
  }
}
