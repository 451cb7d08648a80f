package com.onix.twofactor.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.onix.twofactor.command.testing.CommandSideIntegrationTest;
import com.onix.twofactor.support.security.OnixRole;
import com.onix.twofactor.support.testing.RequestFuzzer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Random requests over every route of the command side: no 5xx and no error that is not a problem
 * document, ever. {@code -Donix.fuzz.seed=N} sends the same requests again; {@code
 * -Donix.fuzz.requests=N} sends more.
 */
class HttpFuzzHttpTest extends CommandSideIntegrationTest {

  @LocalServerPort private int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  private RequestMappingHandlerMapping mappings;

  @Test
  void noRequestIsAnsweredWithAServerErrorOrAnErrorThatIsNotAProblemDocument() {
    long seed = Long.getLong("onix.fuzz.seed", System.nanoTime());
    int requests = Integer.getInteger("onix.fuzz.requests", 300);
    System.out.println("HttpFuzzHttpTest: seed " + seed + " (-Donix.fuzz.seed=" + seed + ")");
    String org = registerOrganization();
    String user = registerUser(org);
    List<String> authorizations =
        Arrays.asList(
            null,
            "Bearer " + tokens.platformOperator(),
            "Bearer " + tokens.orgAdmin(org),
            "Bearer " + tokens.mint("sign-in-page", null, OnixRole.SIGN_IN_SERVICE),
            "Bearer " + tokens.mint(user, null, OnixRole.USER),
            "Bearer " + tokens.mint("auditor-1", org, OnixRole.AUDITOR),
            "Bearer " + tokens.expired(List.of("ORG_ADMIN"), org),
            "Bearer not-a-jwt",
            "Bearer ",
            "Basic dXNlcjpwYXNzd29yZA==");
    Map<String, String> known = Map.of("orgId", org, "userId", user);
    RequestFuzzer fuzzer = new RequestFuzzer(port, routes(), authorizations, known::get);

    long started = System.nanoTime();
    List<RequestFuzzer.Finding> findings = fuzzer.run(seed, requests);
    System.out.printf(
        "HttpFuzzHttpTest: %d requests in %d ms%n",
        requests, (System.nanoTime() - started) / 1_000_000);

    assertThat(findings).as("seed %d", seed).isEmpty();
  }

  /** Every route the service maps, and a few it does not. */
  private List<RequestFuzzer.Route> routes() {
    return RequestFuzzer.routesOf(
        mappings,
        List.of(
            "GET /",
            "GET /actuator/health",
            "GET /actuator/env",
            "GET /actuator/prometheus",
            "GET /v3/api-docs",
            "GET /swagger-ui.html",
            "POST /organizations/{orgId}/no-such-thing"));
  }
}
