package com.onix.twofactor.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The security firewall refuses a header value holding a control character only when the header is
 * read, which may be inside Spring MVC; the fuzz test (seed 4491862335609) found that answered 500.
 */
class FirewallRejectionTest {

  @Test
  void aHeaderValueTheFirewallRefusesWhenReadIsA400ProblemNotA500() {
    MockHttpServletRequest sent = new MockHttpServletRequest("GET", "/caller");
    // As Tomcat hands over the bytes of a UTF-8 header: one ISO-8859-1 character each, here a C1
    // control character among them (the second byte of U+00C5).
    sent.addHeader("X-Request-Id", "\u00c3\u0085");
    var firewalled = new StrictHttpFirewall().getFirewalledRequest(sent);

    RequestRejectedException rejection = null;
    try {
      Collections.list(firewalled.getHeaders("X-Request-Id"));
    } catch (RequestRejectedException refused) {
      rejection = refused;
    }
    assertThat(rejection).as("the firewall refuses the header when it is read").isNotNull();

    ResponseEntity<ProblemDetail> answer =
        new ProblemHandlingAdvice().rejectedByTheFirewall(rejection);

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(answer.getBody().getProperties()).containsEntry("code", "BAD_REQUEST");
  }
}
