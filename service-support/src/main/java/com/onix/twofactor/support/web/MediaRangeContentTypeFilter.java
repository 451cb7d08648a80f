package com.onix.twofactor.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A body's {@code Content-Type} names one media type; a range ({@code *}{@code /*}, {@code
 * application/*}) is refused with 415. Spring's request headers refuse to hold one, and that
 * refusal, raised while a handler's body is read, ended as a 500. Runs after the security filters,
 * so authentication and roles are still decided first.
 */
public class MediaRangeContentTypeFilter extends OncePerRequestFilter {

  private final ProblemResponseWriter problems;

  public MediaRangeContentTypeFilter(ProblemResponseWriter problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (isRange(request.getContentType())) {
      problems.write(
          response,
          415,
          "UNSUPPORTED_MEDIA_TYPE",
          "Content-Type must name one media type, such as application/json, not a range.");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean isRange(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return type.isWildcardType() || type.isWildcardSubtype();
    } catch (InvalidMediaTypeException unreadable) {
      return false; // Spring ignores a Content-Type it cannot read: the body is then untyped
    }
  }
}
