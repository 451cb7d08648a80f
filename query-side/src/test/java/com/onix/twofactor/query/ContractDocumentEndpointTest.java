package com.onix.twofactor.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.onix.twofactor.query.testing.QuerySideIntegrationTest;
import com.onix.twofactor.support.testing.ContractDocument;
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
}
