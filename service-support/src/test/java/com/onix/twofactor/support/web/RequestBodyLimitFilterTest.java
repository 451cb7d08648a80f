package com.onix.twofactor.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestBodyLimitFilterTest {

  private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
  private final RequestBodyLimitFilter filter =
      new RequestBodyLimitFilter(new ProblemResponseWriter(json));

  private static MockHttpServletRequest post(byte[] body, boolean declareLength) {
    MockHttpServletRequest request =
        new MockHttpServletRequest("POST", "/organizations") {
          @Override
          public long getContentLengthLong() {
            return declareLength ? super.getContentLengthLong() : -1;
          }

          @Override
          public int getContentLength() {
            return declareLength ? super.getContentLength() : -1;
          }
        };
    request.setContentType("application/json");
    request.setContent(body);
    return request;
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedWithoutReachingTheEndpoint() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    AtomicBoolean reached = new AtomicBoolean();

    filter.doFilter(
        post(new byte[RequestBodyLimitFilter.LIMIT_BYTES + 1], true),
        response,
        (req, res) -> reached.set(true));

    assertThat(reached).isFalse();
    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    JsonNode problem = json.readTree(response.getContentAsByteArray());
    assertThat(problem.path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    assertThat(problem.path("status").asInt()).isEqualTo(413);
  }

  @Test
  void aBodyOfExactlyTheLimitPasses() throws Exception {
    byte[] body = new byte[RequestBodyLimitFilter.LIMIT_BYTES];
    AtomicBoolean readAll = new AtomicBoolean();
    FilterChain chain =
        (req, res) ->
            readAll.set(
                ((HttpServletRequest) req).getInputStream().readAllBytes().length == body.length);

    filter.doFilter(post(body, false), new MockHttpServletResponse(), chain);

    assertThat(readAll).isTrue();
  }

  @Test
  void anUndeclaredBodyIsAnsweredPayloadTooLargeOnceReadingPassesTheLimit() throws Exception {
    byte[] body = new byte[RequestBodyLimitFilter.LIMIT_BYTES + 1];
    FilterChain chain = (req, res) -> ((HttpServletRequest) req).getInputStream().readAllBytes();
    MockHttpServletResponse response = new MockHttpServletResponse();

    filter.doFilter(post(body, false), response, chain);

    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getContentAsString()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
  }

  @Test
  void aWrappedOverflowIsRecognizedAsTooLarge() {
    Exception wrapped =
        new IllegalStateException(
            "while reading", new RequestBodyLimitFilter.BodyTooLargeException());

    assertThat(RequestBodyLimitFilter.isTooLarge(wrapped)).isTrue();
    assertThat(RequestBodyLimitFilter.isTooLarge(new IOException("reset"))).isFalse();
  }
}
