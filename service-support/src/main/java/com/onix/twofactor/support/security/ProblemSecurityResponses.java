package com.onix.twofactor.support.security;

import com.onix.twofactor.support.web.ProblemResponseWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 from the security filters, as problem documents like every other error. */
public class ProblemSecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final ProblemResponseWriter problems;

  public ProblemSecurityResponses(ProblemResponseWriter problems) {
    this.problems = problems;
  }

  @Override
  public void commence(
      HttpServletRequest request,
      HttpServletResponse response,
      AuthenticationException authException)
      throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    problems.write(
        response,
        401,
        "UNAUTHENTICATED",
        "A valid bearer token is required: present, signed by the trusted issuer, not expired.");
  }

  @Override
  public void handle(
      HttpServletRequest request,
      HttpServletResponse response,
      AccessDeniedException accessDeniedException)
      throws IOException {
    problems.write(response, 403, "FORBIDDEN", "Your token does not allow this request.");
  }
}
