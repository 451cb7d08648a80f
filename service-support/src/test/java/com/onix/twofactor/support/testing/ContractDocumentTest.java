package com.onix.twofactor.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractDocumentTest {

  @TempDir Path dir;

  @Test
  void readsTheEndpointRowsOfOneSectionOnly() throws Exception {
    Path doc = dir.resolve("http-api.md");
    Files.writeString(
        doc,
        """
        ## Command side (8081)

        | endpoint | role |
        |---|---|
        | `POST /organizations` | PLATFORM_OPERATOR |
        | `DELETE /organizations/{orgId}/users/{userId}` | ORG_ADMIN |
        | value | not an endpoint |

        ## Query side (8082)

        | `GET /sign-in/requirements` | SIGN_IN_SERVICE |
        """);

    assertThat(ContractDocument.read(doc).endpointsOf("Command side"))
        .containsExactly("DELETE /organizations/{orgId}/users/{userId}", "POST /organizations");
  }

  @Test
  void aMissingSectionIsAnError() throws Exception {
    Path doc = dir.resolve("http-api.md");
    Files.writeString(doc, "## Query side\n");

    assertThatThrownBy(() -> ContractDocument.read(doc).endpointsOf("Command side"))
        .hasMessageContaining("Command side");
  }

  @Test
  void readsTheOperationsOfAnOpenApiDocument() throws Exception {
    var openApi =
        new ObjectMapper()
            .readTree(
                """
                {"paths":{"/organizations":{"post":{},"parameters":[]},
                          "/caller":{"get":{}}}}
                """);

    assertThat(ContractDocument.endpointsOf(openApi))
        .containsExactly("GET /caller", "POST /organizations");
  }

  @Test
  void theRepositorysContractNamesEachServicesEndpoints() {
    ContractDocument contract = ContractDocument.ofRepository();

    assertThat(contract.endpointsOf("Command side")).contains("POST /sign-in/verifications");
    assertThat(contract.endpointsOf("Query side")).contains("GET /sign-in/requirements");
    assertThat(contract.endpointsOf("Sign-in prompt")).contains("POST /prompt-requests");
  }
}
