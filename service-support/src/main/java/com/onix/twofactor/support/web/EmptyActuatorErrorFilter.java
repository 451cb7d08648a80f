package com.onix.twofactor.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The actuator answers some errors of its own with no body at all (an unknown health component is
 * an empty 404, whatever the token); those get the problem document every other error has. Only the
 * actuator's small answers are held back to see whether one is empty.
 */
public class EmptyActuatorErrorFilter extends OncePerRequestFilter {

  private final ProblemResponseWriter problems;

  public EmptyActuatorErrorFilter(ProblemResponseWriter problems) {
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + "/actuator");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, held);
    if (held.getStatus() >= 400
        && held.getContentSize() == 0
        && !"HEAD".equals(request.getMethod())) {
      HttpStatus status = ContainerErrors.statusFor(held.getStatus());
      problems.write(
          held, status.value(), ContainerErrors.codeFor(status), ContainerErrors.detailFor(status));
    }
    held.copyBodyToResponse();
  }
}
