package com.onix.twofactor.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.onix.twofactor.command.testing.CommandSideIntegrationTest;
import com.onix.twofactor.command.testing.Json;
import com.onix.twofactor.command.testing.Response;
import com.onix.twofactor.support.testing.ContractDocument;
import org.junit.jupiter.api.Test;

/** The OpenAPI document the command side serves lists exactly the endpoints of docs/http-api.md. */
class ContractDocumentHttpTest extends CommandSideIntegrationTest {

  @Test
  void theOpenApiDocumentAndTheContractNameTheSameEndpoints() {
    var openApi = http.get("/v3/api-docs").send().json();

    assertThat(ContractDocument.endpointsOf(openApi))
        .as("the command side's /v3/api-docs against docs/http-api.md, section 'Command side'")
        .containsExactlyElementsOf(ContractDocument.ofRepository().endpointsOf("Command side"));
  }

  @Test
  void theOpenApiDocumentStatesTheContractsSuccessStatusOfEveryOperation() {
    var openApi = http.get("/v3/api-docs").send().json();

    assertThat(ContractDocument.successStatusesOf(openApi))
        .as("success statuses of /v3/api-docs against docs/http-api.md, section 'Command side'")
        .isEqualTo(ContractDocument.ofRepository().successStatusesOf("Command side"));
  }

  @Test
  void theOpenApiDocumentStatesTheSecurityProblemsOfAProtectedRouteAsProblemJson() {
    var operation =
        http.get("/v3/api-docs").send().json().path("paths").path("/organizations").path("post");

    assertThat(problemSchema(operation, "401").isObject()).as("%s", operation).isTrue();
    assertThat(problemSchema(operation, "403").isObject()).as("%s", operation).isTrue();
    assertThat(operation.path("security").toString()).isEqualTo("[{\"bearer\":[]}]");
  }

  @Test
  void aRouteForAnyValidTokenDocuments401ButNo403() {
    var operation =
        http.get("/v3/api-docs").send().json().path("paths").path("/caller").path("get");

    assertThat(problemSchema(operation, "401").isObject()).as("%s", operation).isTrue();
    assertThat(operation.path("responses").has("403")).as("%s", operation).isFalse();
  }

  @Test
  void theServiceAnswersTheSuccessStatusItsOpenApiDocumentStates() {
    var documented = ContractDocument.successStatusesOf(http.get("/v3/api-docs").send().json());
    String orgId = registerOrganization();
    String userId = registerUser(orgId);
    String admin = tokens.orgAdmin(orgId);

    Response organization =
        http.post("/organizations")
            .token(tokens.platformOperator())
            .json(Json.of("name", "Statuses"))
            .send();
    Response code =
        http.post("/organizations/" + orgId + "/users/" + userId + "/access-codes")
            .token(admin)
            .json("{}")
            .send();
    Response revoked =
        http.method(
                "DELETE",
                "/organizations/"
                    + orgId
                    + "/users/"
                    + userId
                    + "/access-codes/"
                    + code.json().path("accessCodeId").asText())
            .token(admin)
            .send();
    Response caller = http.get("/caller").token(admin).send();

    assertThat(organization.status())
        .as("%s", organization)
        .isEqualTo(documented.get("POST /organizations"));
    assertThat(code.status())
        .as("%s", code)
        .isEqualTo(documented.get("POST /organizations/{orgId}/users/{userId}/access-codes"));
    assertThat(revoked.status())
        .as("%s", revoked)
        .isEqualTo(
            documented.get(
                "DELETE /organizations/{orgId}/users/{userId}/access-codes/{accessCodeId}"));
    assertThat(caller.status()).as("%s", caller).isEqualTo(documented.get("GET /caller"));
  }

  @Test
  void theOpenApiDocumentAsksForNoCallerParameter() {
    var openApi = http.get("/v3/api-docs").send().json();

    assertThat(openApi.path("paths").toString()).doesNotContain("\"name\":\"caller\"");
  }

  private static JsonNode problemSchema(JsonNode operation, String status) {
    return operation
        .path("responses")
        .path(status)
        .path("content")
        .path("application/problem+json")
        .path("schema");
  }
}
