package com.onix.twofactor.support.security;

import com.onix.twofactor.support.web.ApiDocumentation;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI document lists the problems the security filters answer for a route, derived from the
 * roles it declares: 401 for every route that needs a token, 403 for one that needs a role.
 */
@Configuration(proxyBeanMethods = false)
public class ProblemResponsesDocumentation {

  static final String PROBLEM_JSON = "application/problem+json";

  @Bean
  OperationCustomizer securityProblemResponses() {
    return ProblemResponsesDocumentation::addSecurityProblems;
  }

  static Operation addSecurityProblems(Operation operation, HandlerMethod handler) {
    boolean needsRole = handler.hasMethodAnnotation(AllowedRoles.class);
    boolean needsToken = needsRole || handler.hasMethodAnnotation(AnyValidToken.class);
    if (!needsToken) {
      return operation;
    }
    ApiResponses responses =
        operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    responses.putIfAbsent(
        "401", problem("UNAUTHENTICATED: no valid bearer token (missing, forged or expired)"));
    if (needsRole) {
      responses.putIfAbsent(
          "403", problem("FORBIDDEN: the token lacks the route's role, or names another org"));
    }
    SecurityRequirement bearer = new SecurityRequirement().addList(ApiDocumentation.BEARER_SCHEME);
    if (operation.getSecurity() == null || !operation.getSecurity().contains(bearer)) {
      operation.addSecurityItem(bearer);
    }
    return operation.responses(responses);
  }

  private static ApiResponse problem(String description) {
    ObjectSchema schema = new ObjectSchema();
    schema.addProperty("type", new StringSchema());
    schema.addProperty("title", new StringSchema());
    schema.addProperty("status", new IntegerSchema());
    schema.addProperty("detail", new StringSchema());
    schema.addProperty("code", new StringSchema());
    return new ApiResponse()
        .description(description)
        .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(schema)));
  }
}
