package com.onix.twofactor.support.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A refusal the API answers as an RFC 9457 problem document. The detail is meant for the caller to
 * read, so it must never hold a secret, a code or anything the caller did not send.
 */
public class ApiProblem extends RuntimeException {

  private final HttpStatus status;
  private final String code;
  private final Map<String, Object> properties = new LinkedHashMap<>();
  private final HttpHeaders headers = new HttpHeaders();

  public ApiProblem(HttpStatus status, String code, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.code = code;
  }

  public ApiProblem with(String property, Object value) {
    properties.put(property, value);
    return this;
  }

  public ApiProblem withHeader(String name, String value) {
    headers.add(name, value);
    return this;
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String detail() {
    return getMessage();
  }

  public Map<String, Object> properties() {
    return properties;
  }

  public HttpHeaders headers() {
    return headers;
  }

  public static ApiProblem unknownOrganization() {
    return new ApiProblem(
        HttpStatus.NOT_FOUND, "UNKNOWN_ORGANIZATION", "No such organization exists.");
  }

  public static ApiProblem unknownUser() {
    return new ApiProblem(
        HttpStatus.NOT_FOUND, "UNKNOWN_USER", "No such user exists in this organization.");
  }

  public static ApiProblem forbidden(String detail) {
    return new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", detail);
  }

  public static ApiProblem invalidRequest(String detail) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", detail);
  }
}
