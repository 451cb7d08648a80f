package com.onix.twofactor.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

class ProblemErrorControllerTest {

  @ParameterizedTest(name = "container status {0} -> {1} {2}")
  @CsvSource({
    "404, 404, ROUTE_NOT_FOUND",
    "413, 413, PAYLOAD_TOO_LARGE",
    "401, 401, UNAUTHENTICATED",
    "403, 403, FORBIDDEN",
    "400, 400, BAD_REQUEST",
    "505, 505, HTTP_VERSION_NOT_SUPPORTED",
    "200, 500, INTERNAL_ERROR",
    "999, 500, INTERNAL_ERROR"
  })
  void containerErrorsBecomeProblemDocuments(int containerStatus, int status, String code) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
    request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, containerStatus);

    ResponseEntity<ProblemDetail> answer = new ProblemErrorController().error(request);

    assertThat(answer.getStatusCode().value()).isEqualTo(status);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(answer.getBody().getProperties()).containsEntry("code", code);
    assertThat(answer.getBody().getStatus()).isEqualTo(status);
  }

  @org.junit.jupiter.api.Test
  void aFormBodyAFilterCouldNotDecodeIsA400NotA500() {
    MockHttpServletRequest request = new MockHttpServletRequest("DELETE", "/error");
    request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
    request.setAttribute(
        RequestDispatcher.ERROR_EXCEPTION,
        new jakarta.servlet.ServletException(
            new org.springframework.http.converter.HttpMessageNotReadableException(
                "Could not decode HTTP form payload",
                new IllegalArgumentException("URLDecoder: Illegal hex characters"),
                new org.springframework.mock.http.MockHttpInputMessage(new byte[0]))));

    ResponseEntity<ProblemDetail> answer = new ProblemErrorController().error(request);

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody().getProperties()).containsEntry("code", "BAD_REQUEST");
  }
}
