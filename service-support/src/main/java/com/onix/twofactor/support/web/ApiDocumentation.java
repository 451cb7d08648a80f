package com.onix.twofactor.support.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document each service serves at /v3/api-docs (and as Swagger UI). */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

  /** The security scheme an operation that needs a token names. */
  public static final String BEARER_SCHEME = "bearer";

  @Bean
  OpenAPI onixApi(@Value("${spring.application.name}") String service) {
    return new OpenAPI()
        .info(
            new Info()
                .title("Onix two-factor service: " + service)
                .description(
                    "Every request but GET /actuator/health needs Authorization: Bearer <JWT>."
                        + " Every error is an RFC 9457 problem document with a stable `code`.")
                .version("1"))
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER_SCHEME,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")));
  }
}
