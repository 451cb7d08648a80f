package com.onix.twofactor.support.security;

import com.onix.twofactor.support.web.ContainerErrors;
import com.onix.twofactor.support.web.ProblemResponseWriter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * 401 and 403 from the security filters, and requests the firewall rejects (TRACE, an encoded
 * slash, a path that is not normalized), as problem documents like every other error.
 */
public class ProblemSecurityResponses
    implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

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
    String detail =
        accessDeniedException instanceof AuthorizationDeniedException denied
                && denied.getAuthorizationResult() instanceof RouteAuthorization.RouteDenial route
            ? route.detail()
            : "Your token does not allow this request.";
    problems.write(response, 403, "FORBIDDEN", detail);
  }

  @Override
  public void handle(
      HttpServletRequest request,
      HttpServletResponse response,
      RequestRejectedException requestRejectedException)
      throws IOException {
    // On the error page's own dispatch (TRACE, refused by Tomcat with 405, is forwarded to /error
    // as TRACE), the answer is the error being reported, not the rejection of its dispatch.
    Object reported = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status =
        request.getDispatcherType() == DispatcherType.ERROR && reported instanceof Integer code
            ? ContainerErrors.statusFor(code)
            : HttpStatus.BAD_REQUEST;
    response.resetBuffer();
    problems.write(
        response,
        status.value(),
        ContainerErrors.codeFor(status),
        ContainerErrors.detailFor(status));
  }
}
