package com.onix.twofactor.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.onix.twofactor.query.testing.Eventually;
import com.onix.twofactor.query.testing.QuerySideIntegrationTest;
import com.onix.twofactor.support.testing.ContractDocument;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The OpenAPI document the query side serves lists exactly the endpoints of docs/http-api.md. */
class ContractDocumentEndpointTest extends QuerySideIntegrationTest {

  @Test
  void theOpenApiDocumentAndTheContractNameTheSameEndpoints() {
    var openApi = api.get("/v3/api-docs", null).json();

    assertThat(ContractDocument.endpointsOf(openApi))
        .as("the query side's /v3/api-docs against docs/http-api.md, section 'Query side'")
        .containsExactlyElementsOf(ContractDocument.ofRepository().endpointsOf("Query side"));
  }

  @Test
  void theOpenApiDocumentStatesTheContractsSuccessStatusOfEveryOperation() {
    var openApi = api.get("/v3/api-docs", null).json();

    assertThat(ContractDocument.successStatusesOf(openApi))
        .as("success statuses of /v3/api-docs against docs/http-api.md, section 'Query side'")
        .isEqualTo(ContractDocument.ofRepository().successStatusesOf("Query side"));
  }

  @Test
  void theServiceAnswersTheSuccessStatusItsOpenApiDocumentStates() {
    var documented = ContractDocument.successStatusesOf(api.get("/v3/api-docs", null).json());
    String org = newOrganization();
    String auditor = tokens.auditor(org);
    Eventually.await(
        "the organization's audit history",
        Duration.ofSeconds(60),
        () -> {
          var events = api.get("/organizations/" + org + "/audit-events", auditor);
          return events.status() == 200 && !events.json().path("events").isEmpty();
        });

    var checkpoint =
        api.send(
            "POST", "/organizations/" + org + "/audit-checkpoints", "Bearer " + auditor, "*/*");
    var policy = api.get("/organizations/" + org + "/two-factor-policy", auditor);
    var caller = api.get("/caller", auditor);

    assertThat(checkpoint.status())
        .as("%s", checkpoint)
        .isEqualTo(documented.get("POST /organizations/{orgId}/audit-checkpoints"));
    assertThat(policy.status())
        .as("%s", policy)
        .isEqualTo(documented.get("GET /organizations/{orgId}/two-factor-policy"));
    assertThat(caller.status()).as("%s", caller).isEqualTo(documented.get("GET /caller"));
  }

  @Test
  void theOpenApiDocumentStatesTheSecurityProblemsOfAProtectedRouteAsProblemJson() {
    var operation =
        api.get("/v3/api-docs", null)
            .json()
            .path("paths")
            .path("/organizations/{orgId}/audit-checkpoints")
            .path("post")
            .path("responses");

    for (String status : new String[] {"401", "403"}) {
      assertThat(operation.path(status).path("content").has("application/problem+json"))
          .as("%s in %s", status, operation)
          .isTrue();
    }
  }

  @Test
  void aPublicRouteDocumentsNeitherATokenNorItsProblems() {
    var operation =
        api.get("/v3/api-docs", null)
            .json()
            .path("paths")
            .path("/audit-checkpoint-keys")
            .path("get");

    assertThat(operation.has("security")).as("%s", operation).isFalse();
    assertThat(operation.path("responses").has("401")).as("%s", operation).isFalse();
  }
}
