package com.onix.twofactor.support.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Answers what the servlet container itself rejects (before Spring MVC) as a problem document. */
@RestController
@Hidden
public class ProblemErrorController implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    // Asked for directly, /error is just a route that does not exist.
    HttpStatus status = ContainerErrors.statusFor(code instanceof Integer value ? value : 404);
    if (causedByTheRequest(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
      status = HttpStatus.BAD_REQUEST;
    }
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(
            Problems.of(
                status, ContainerErrors.codeFor(status), ContainerErrors.detailFor(status)));
  }

  /**
   * A body a filter could not read before Spring MVC (the form filter parses PUT, PATCH and DELETE
   * form bodies, and a bad percent-escape fails it) or a header the security firewall refused: the
   * request's fault, though it reaches here as a server error.
   */
  private static boolean causedByTheRequest(Object failure) {
    for (Throwable cause = failure instanceof Throwable thrown ? thrown : null;
        cause != null;
        cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof HttpMessageNotReadableException
          || cause instanceof RequestRejectedException) {
        return true;
      }
    }
    return false;
  }
}
