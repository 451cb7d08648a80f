package com.onix.twofactor.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.onix.twofactor.support.security.LocalSigningKey;
import com.onix.twofactor.support.testing.ContractDocument;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The OpenAPI document the prompt serves lists exactly the endpoints of docs/http-api.md. */
@SpringBootTest(
    classes = SignInPromptApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContractDocumentIntegrationTest {

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) throws Exception {
    var data = Files.createTempDirectory("onix-prompt-contract-");
    registry.add("onix.data-dir", data::toString);
    registry.add("onix.security.issuer", () -> LocalSigningKey.LOCAL_ISSUER);
    registry.add("onix.security.jwks-uri", () -> "");
    registry.add("onix.security.jwk-set-file", () -> "");
  }

  @LocalServerPort int port;

  @Test
  void theOpenApiDocumentAndTheContractNameTheSameEndpointsAndSuccessStatuses() throws Exception {
    HttpResponse<String> docs =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(docs.statusCode()).as(docs.body()).isEqualTo(200);
    assertThat(ContractDocument.endpointsOf(new ObjectMapper().readTree(docs.body())))
        .as("the prompt's /v3/api-docs against docs/http-api.md, section 'Sign-in prompt'")
        .containsExactlyElementsOf(ContractDocument.ofRepository().endpointsOf("Sign-in prompt"));
    assertThat(ContractDocument.successStatusesOf(new ObjectMapper().readTree(docs.body())))
        .as("success statuses of the prompt's /v3/api-docs against docs/http-api.md")
        .isEqualTo(ContractDocument.ofRepository().successStatusesOf("Sign-in prompt"));
  }
}
