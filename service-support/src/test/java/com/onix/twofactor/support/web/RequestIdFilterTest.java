package com.onix.twofactor.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestIdFilterTest {

  private final RequestIdFilter filter = new RequestIdFilter();

  private String requestIdSeenDownstream(
      MockHttpServletRequest request, MockHttpServletResponse response) throws Exception {
    AtomicReference<String> seen = new AtomicReference<>();
    FilterChain chain = (req, res) -> seen.set(RequestIdFilter.of((MockHttpServletRequest) req));
    filter.doFilter(request, response, chain);
    return seen.get();
  }

  @Test
  void aSensibleRequestIdIsKeptAndEchoed() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/organizations");
    request.addHeader("X-Request-Id", "req-123:a.b_c");
    MockHttpServletResponse response = new MockHttpServletResponse();

    String seen = requestIdSeenDownstream(request, response);

    assertThat(seen).isEqualTo("req-123:a.b_c");
    assertThat(response.getHeader("X-Request-Id")).isEqualTo("req-123:a.b_c");
  }

  @Test
  void aMissingRequestIdIsGeneratedAndEchoed() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/organizations");
    MockHttpServletResponse response = new MockHttpServletResponse();

    String seen = requestIdSeenDownstream(request, response);

    assertThat(UUID.fromString(seen)).isNotNull();
    assertThat(response.getHeader("X-Request-Id")).isEqualTo(seen);
  }

  @ParameterizedTest
  @ValueSource(strings = {"has space", "<script>", "line\nbreak", ""})
  void anUnsafeRequestIdIsReplaced(String unsafe) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/organizations");
    request.addHeader("X-Request-Id", unsafe);
    MockHttpServletResponse response = new MockHttpServletResponse();

    String seen = requestIdSeenDownstream(request, response);

    assertThat(seen).isNotEqualTo(unsafe);
    assertThat(UUID.fromString(seen)).isNotNull();
    assertThat(response.getHeader("X-Request-Id")).isEqualTo(seen);
  }

  @Test
  void aRequestIdLongerThan128CharactersIsReplaced() throws Exception {
    String tooLong = "a".repeat(129);
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/organizations");
    request.addHeader("X-Request-Id", tooLong);

    String seen = requestIdSeenDownstream(request, new MockHttpServletResponse());

    assertThat(seen).isNotEqualTo(tooLong);
  }
}
