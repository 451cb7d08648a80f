package com.onix.twofactor.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.query.testing.QuerySideIntegrationTest;
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
 * Random requests over every route of the query side: no 5xx and no error that is not a problem
 * document, ever. {@code -Donix.fuzz.seed=N} sends the same requests again; {@code
 * -Donix.fuzz.requests=N} sends more. No operator token is among the callers: a view rebuild it
 * could start would make every query answer 503 until it ends, by design.
 */
class HttpFuzzEndpointTest extends QuerySideIntegrationTest {

  @LocalServerPort private int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  private RequestMappingHandlerMapping mappings;

  @Test
  void noRequestIsAnsweredWithAServerErrorOrAnErrorThatIsNotAProblemDocument() {
    long seed = Long.getLong("onix.fuzz.seed", System.nanoTime());
    int requests = Integer.getInteger("onix.fuzz.requests", 300);
    System.out.println("HttpFuzzEndpointTest: seed " + seed + " (-Donix.fuzz.seed=" + seed + ")");
    String org = newOrganization();
    NewUser user = newUser(org, SignInMethod.PASSWORD);
    List<String> authorizations =
        Arrays.asList(
            null,
            "Bearer " + tokens.orgAdmin(org),
            "Bearer " + tokens.auditor(org),
            "Bearer " + tokens.signInService(),
            "Bearer " + tokens.mint(List.of("USER"), null),
            "Bearer " + tokens.expired(List.of("ORG_ADMIN"), org),
            "Bearer not-a-jwt",
            "Bearer ",
            "Basic dXNlcjpwYXNzd29yZA==");
    Map<String, String> known = Map.of("orgId", org, "userId", user.userId());
    RequestFuzzer fuzzer = new RequestFuzzer(port, routes(), authorizations, known::get);

    long started = System.nanoTime();
    List<RequestFuzzer.Finding> findings = fuzzer.run(seed, requests);
    System.out.printf(
        "HttpFuzzEndpointTest: %d requests in %d ms%n",
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
            "GET /error",
            "GET /organizations/{orgId}/no-such-thing"));
  }
}
