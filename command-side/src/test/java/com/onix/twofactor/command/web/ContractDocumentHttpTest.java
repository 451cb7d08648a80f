package com.onix.twofactor.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.onix.twofactor.command.testing.CommandSideIntegrationTest;
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
  void theOpenApiDocumentAsksForNoCallerParameter() {
    var openApi = http.get("/v3/api-docs").send().json();

    assertThat(openApi.path("paths").toString()).doesNotContain("\"name\":\"caller\"");
  }
}
