package com.onix.twofactor.support.web;

import org.springframework.http.HttpStatus;

/**
 * The problem a bare HTTP status becomes, where only a status is known: what the servlet container
 * refused before any controller ran.
 */
public final class ContainerErrors {

  private ContainerErrors() {}

  /** An error status for {@code status}: itself when it is one, 500 otherwise. */
  public static HttpStatus statusFor(int status) {
    HttpStatus resolved = HttpStatus.resolve(status);
    return resolved == null || !resolved.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : resolved;
  }

  public static String codeFor(HttpStatus status) {
    return switch (status) {
      case NOT_FOUND -> "ROUTE_NOT_FOUND";
      case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
      case PAYLOAD_TOO_LARGE -> "PAYLOAD_TOO_LARGE";
      case UNAUTHORIZED -> "UNAUTHENTICATED";
      case FORBIDDEN -> "FORBIDDEN";
      case UNSUPPORTED_MEDIA_TYPE -> "UNSUPPORTED_MEDIA_TYPE";
      case NOT_ACCEPTABLE -> "NOT_ACCEPTABLE";
      case HTTP_VERSION_NOT_SUPPORTED -> "HTTP_VERSION_NOT_SUPPORTED";
      default -> status.is4xxClientError() ? "BAD_REQUEST" : "INTERNAL_ERROR";
    };
  }

  public static String detailFor(HttpStatus status) {
    return switch (status) {
      case NOT_FOUND -> "No such resource exists in this API.";
      case METHOD_NOT_ALLOWED -> "This resource does not accept this method.";
      case HTTP_VERSION_NOT_SUPPORTED -> "This server speaks HTTP/1.1 and HTTP/1.0 only.";
      default ->
          status.is4xxClientError()
              ? "The request could not be handled as sent."
              : "The service failed to handle the request; it was not applied.";
    };
  }
}
