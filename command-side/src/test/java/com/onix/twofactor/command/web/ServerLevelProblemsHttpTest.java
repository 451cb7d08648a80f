package com.onix.twofactor.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.onix.twofactor.command.testing.CommandSideIntegrationTest;
import com.onix.twofactor.support.testing.ProblemCheck;
import com.onix.twofactor.support.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the HTTP server refuses before any of the application runs is a problem document too, not
 * Tomcat's HTML page.
 */
class ServerLevelProblemsHttpTest extends CommandSideIntegrationTest {

  @LocalServerPort private int port;
  private RawHttp raw;

  @BeforeEach
  void rawClient() {
    raw = new RawHttp(port);
  }

  private static void assertProblem(RawHttp.Answer answer, int status, String code) {
    assertThat(answer.status()).as("%s", answer).isEqualTo(status);
    assertThat(ProblemCheck.fault(answer, true)).as("%s", answer).isEmpty();
    assertThat(ProblemCheck.code(answer)).as("%s", answer).isEqualTo(code);
    assertThat(answer.text()).doesNotContain("<html", "Tomcat");
  }

  @Test
  void traceIs405MethodNotAllowed() {
    RawHttp.Answer answer =
        raw.send("TRACE", "/organizations", "Authorization: Bearer " + tokens.platformOperator());

    assertProblem(answer, 405, "METHOD_NOT_ALLOWED");
    assertThat(answer.text()).doesNotContain("Bearer");
  }

  @Test
  void anEncodedNulInThePathIs400() {
    assertProblem(raw.send("GET", "/organizations/%00/users"), 400, "BAD_REQUEST");
  }

  @Test
  void overlongUtf8InThePathIs400() {
    assertProblem(raw.send("GET", "/organizations/%C0%AF/users"), 400, "BAD_REQUEST");
  }

  @Test
  void headersOverTheServersLimitAre400() {
    RawHttp.Answer answer = raw.send("GET", "/caller", "X-Padding: " + "a".repeat(20_000));

    assertProblem(answer, 400, "BAD_REQUEST");
  }

  @Test
  void anInvalidRequestLineIs400() {
    byte[] request =
        "GET /caller HTTP/1.1 trailing-junk\r\nHost: x\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    assertProblem(raw.send(request), 400, "BAD_REQUEST");
  }

  @Test
  void aMethodNameWithIllegalCharactersIs400() {
    byte[] request =
        "G{T /caller HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    assertProblem(raw.send(request), 400, "BAD_REQUEST");
  }

  @Test
  void anUnknownHttpVersionIs505() {
    byte[] request =
        "GET /caller HTTP/1.2\r\nHost: x\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    assertProblem(raw.send(request), 505, "HTTP_VERSION_NOT_SUPPORTED");
  }

  @Test
  void aMajorVersionThisServerDoesNotSpeakIs505() {
    byte[] request =
        ("GET /caller HTTP/3.0\r\nHost: x\r\nAuthorization: Bearer "
                + tokens.platformOperator()
                + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);

    assertProblem(raw.send(request), 505, "HTTP_VERSION_NOT_SUPPORTED");
  }

  @Test
  void aMethodTheRouteDoesNotServeIs405WithAllow() {
    RawHttp.Answer answer =
        raw.send("DELETE", "/organizations", "Authorization: Bearer " + tokens.platformOperator());

    assertProblem(answer, 405, "METHOD_NOT_ALLOWED");
    assertThat(answer.header("Allow")).as("%s", answer).isEqualTo("POST");
  }

  @Test
  void traceIs405WithAllow() {
    RawHttp.Answer answer =
        raw.send("TRACE", "/organizations", "Authorization: Bearer " + tokens.platformOperator());

    assertProblem(answer, 405, "METHOD_NOT_ALLOWED");
    assertThat(answer.header("Allow")).as("%s", answer).isNotBlank().doesNotContain("TRACE");
  }
}
