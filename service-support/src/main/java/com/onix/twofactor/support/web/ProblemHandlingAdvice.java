package com.onix.twofactor.support.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure that reaches Spring MVC into a problem document with a stable code. Messages
 * are written here, never copied from an exception, so no input value (which may be a secret code)
 * and no class name reaches the caller.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandlingAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandlingAdvice.class);

  @ExceptionHandler(ApiProblem.class)
  ResponseEntity<ProblemDetail> refused(ApiProblem refusal) {
    return respond(refusal.status(), refusal.headers(), Problems.of(refusal));
  }

  /**
   * The security firewall checks header values only when they are read, so a header it refuses (a
   * value holding a control character) surfaces here, when Spring MVC reads the headers for a
   * handler: the request's fault, answered as the firewall's own refusals are.
   */
  @ExceptionHandler(RequestRejectedException.class)
  ResponseEntity<ProblemDetail> rejectedByTheFirewall(RequestRejectedException rejection) {
    return problem(
        HttpStatus.BAD_REQUEST,
        ContainerErrors.codeFor(HttpStatus.BAD_REQUEST),
        ContainerErrors.detailFor(HttpStatus.BAD_REQUEST));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception failure) {
    // Logged by type and location only: a message may carry input.
    log.error("Unexpected failure: {}", failure.getClass().getName(), stripped(failure));
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "INTERNAL_ERROR",
        "The service failed to handle the request; it was not applied.");
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException mismatch,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String name = mismatch.getPropertyName() == null ? "parameter" : mismatch.getPropertyName();
    if (UUID.class.equals(mismatch.getRequiredType())) {
      return untyped(
          problem(HttpStatus.BAD_REQUEST, "INVALID_ID", "'" + name + "' is not a valid id."));
    }
    return untyped(validationFailed(name, "has the wrong format"));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException failure,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Throwable cause = failure.getCause();
    if (RequestBodyLimitFilter.isTooLarge(failure)) {
      return untyped(refused(RequestBodyLimitFilter.tooLarge()));
    }
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return untyped(
          problem(
              HttpStatus.BAD_REQUEST,
              "UNKNOWN_FIELD",
              "Unknown field '" + pathOf(unknown) + "'.",
              Map.of("field", pathOf(unknown))));
    }
    if (cause instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()) {
      String allowed =
          Arrays.stream(invalid.getTargetType().getEnumConstants())
              .map(Object::toString)
              .collect(Collectors.joining(", "));
      return untyped(validationFailed(pathOf(invalid), "must be one of " + allowed));
    }
    if (cause instanceof MismatchedInputException mismatched && !pathOf(mismatched).isEmpty()) {
      return untyped(validationFailed(pathOf(mismatched), "has the wrong type"));
    }
    if (cause instanceof JsonProcessingException) {
      return untyped(
          problem(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "The body is not valid JSON."));
    }
    return untyped(
        problem(HttpStatus.BAD_REQUEST, "MISSING_BODY", "The request needs a JSON body."));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException failure,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, String>> errors =
        failure.getBindingResult().getFieldErrors().stream()
            .map(ProblemHandlingAdvice::describe)
            .toList();
    String fields =
        errors.stream()
            .map(error -> error.get("field"))
            .distinct()
            .collect(Collectors.joining(", "));
    return untyped(
        problem(
            HttpStatus.BAD_REQUEST,
            "VALIDATION_FAILED",
            "Invalid value for: " + fields + ".",
            Map.of("errors", errors)));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException failure,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return untyped(
        problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "A request parameter is invalid."));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException failure,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return untyped(
        validationFailed(failure.getParameterName(), "is required as a query parameter"));
  }

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException failure,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return untyped(
        problem(HttpStatus.NOT_FOUND, "ROUTE_NOT_FOUND", "No such resource exists in this API."));
  }

  @Override
  protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
      HttpRequestMethodNotSupportedException failure,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ResponseEntity<ProblemDetail> answer =
        problem(
            HttpStatus.METHOD_NOT_ALLOWED,
            "METHOD_NOT_ALLOWED",
            "This resource does not accept " + failure.getMethod() + ".");
    HttpHeaders allow = new HttpHeaders();
    if (failure.getSupportedHttpMethods() != null) {
      allow.setAllow(failure.getSupportedHttpMethods());
    }
    return untyped(respond(HttpStatus.METHOD_NOT_ALLOWED, allow, answer.getBody()));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
      HttpMediaTypeNotSupportedException failure,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return untyped(
        problem(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "UNSUPPORTED_MEDIA_TYPE",
            "Send the body as application/json."));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(
      HttpMediaTypeNotAcceptableException failure,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return untyped(
        problem(
            HttpStatus.NOT_ACCEPTABLE,
            "NOT_ACCEPTABLE",
            "This resource answers application/json only."));
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception failure,
      Object body,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    // Every other framework exception: keep Spring's status, give it a code of ours.
    String code = status.is4xxClientError() ? "BAD_REQUEST" : "INTERNAL_ERROR";
    if (status.value() == 413) {
      code = "PAYLOAD_TOO_LARGE";
    }
    String detail =
        status.is4xxClientError()
            ? "The request could not be handled as sent."
            : "The service failed to handle the request; it was not applied.";
    return untyped(respond(status, headers, Problems.of(status, code, detail)));
  }

  private static ResponseEntity<ProblemDetail> validationFailed(String field, String message) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "VALIDATION_FAILED",
        "Invalid value for: " + field + ".",
        Map.of("errors", List.of(Map.of("field", field, "message", message))));
  }

  private static Map<String, String> describe(FieldError error) {
    return Map.of(
        "field",
        error.getField(),
        "message",
        error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage());
  }

  private static String pathOf(JsonMappingException failure) {
    return failure.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  private static Throwable stripped(Throwable failure) {
    // Keep the stack for the operator, drop the message: it can quote request input.
    RuntimeException copy = new RuntimeException(failure.getClass().getName());
    copy.setStackTrace(failure.getStackTrace());
    return copy;
  }

  static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
    return problem(status, code, detail, Map.of());
  }

  static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String code, String detail, Map<String, Object> properties) {
    ProblemDetail body = Problems.of(status, code, detail);
    properties.forEach(body::setProperty);
    return respond(status, new HttpHeaders(), body);
  }

  private static ResponseEntity<ProblemDetail> respond(
      HttpStatusCode status, HttpHeaders headers, ProblemDetail body) {
    return ResponseEntity.status(status)
        .headers(headers)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(body);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ResponseEntity<Object> untyped(ResponseEntity<ProblemDetail> answer) {
    return (ResponseEntity) answer;
  }
}
