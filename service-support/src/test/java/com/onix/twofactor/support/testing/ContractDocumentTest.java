package com.onix.twofactor.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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

  @Test
  void readsTheStatusTheSuccessColumnStartsWith() throws Exception {
    Path doc = dir.resolve("http-api.md");
    Files.writeString(
        doc,
        """
        ## Command side (8081)

        | endpoint | role | request body | success | problems |
        |---|---|---|---|---|
        | `POST /organizations` | PLATFORM_OPERATOR | `{"a"\\|"b"}` | 201 `{"organizationId"}` | 400 |
        | `DELETE /organizations/{orgId}` | ORG_ADMIN | | 204 | 404 `UNKNOWN` |

        ## Query side (8082)

        | endpoint | role | parameters | success | problems |
        |---|---|---|---|---|
        | `GET /caller` | any | | 200 `{}` | |
        """);

    assertThat(ContractDocument.read(doc).successStatusesOf("Command side"))
        .isEqualTo(Map.of("DELETE /organizations/{orgId}", 204, "POST /organizations", 201));
  }

  @Test
  void anEndpointRowWhoseSuccessNamesNoStatusIsAnError() throws Exception {
    Path doc = dir.resolve("http-api.md");
    Files.writeString(
        doc,
        """
        ## Query side (8082)

        | endpoint | role | parameters | success | problems |
        |---|---|---|---|---|
        | `GET /caller` | any | | the caller | |
        """);

    assertThatThrownBy(() -> ContractDocument.read(doc).successStatusesOf("Query side"))
        .hasMessageContaining("GET /caller");
  }

  @Test
  void readsTheSuccessStatusOfEachOpenApiOperation() throws Exception {
    var openApi =
        new ObjectMapper()
            .readTree(
                """
                {"paths":{"/organizations":{"post":{"responses":{"401":{},"201":{}}}},
                          "/caller":{"get":{"responses":{"200":{},"403":{}}},"parameters":[]},
                          "/nothing":{"delete":{"responses":{"404":{}}}}}}
                """);

    assertThat(ContractDocument.successStatusesOf(openApi))
        .containsEntry("POST /organizations", 201)
        .containsEntry("GET /caller", 200)
        .containsEntry("DELETE /nothing", 0)
        .hasSize(3);
  }

  @Test
  void theRepositorysContractGivesEveryEndpointOfAServiceASuccessStatus() {
    ContractDocument contract = ContractDocument.ofRepository();

    for (String service : new String[] {"Command side", "Query side", "Sign-in prompt"}) {
      assertThat(contract.successStatusesOf(service).keySet())
          .as(service)
          .containsExactlyElementsOf(contract.endpointsOf(service));
    }
    assertThat(contract.successStatusesOf("Command side"))
        .containsEntry("POST /organizations", 201)
        .containsEntry(
            "DELETE /organizations/{orgId}/users/{userId}/access-codes/{accessCodeId}", 204);
  }
}
