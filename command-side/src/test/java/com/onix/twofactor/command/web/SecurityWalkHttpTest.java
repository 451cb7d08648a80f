package com.onix.twofactor.command.web;

import static com.onix.twofactor.command.testing.ProblemAssertions.assertProblemDocument;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.onix.twofactor.command.testing.CommandSideIntegrationTest;
import com.onix.twofactor.command.testing.Json;
import com.onix.twofactor.command.testing.Response;
import com.onix.twofactor.support.security.OnixRole;
import com.onix.twofactor.support.testing.Tokens;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every command endpoint against every kind of bad credential. Each request is otherwise perfect
 * (valid body, existing resources, the right role and organization in the claims), so that the
 * credential is the only thing that can make it fail, as the {@code VALID} control case shows.
 */
class SecurityWalkHttpTest extends CommandSideIntegrationTest {

  /** The resources one request works on: a fresh organization with a user, and another org. */
  record Target(String organizationId, String userId, String otherOrganizationId) {}

  enum Endpoint {
    REGISTER_ORGANIZATION("POST", "/organizations", OnixRole.PLATFORM_OPERATOR) {
      @Override
      String path(Target t) {
        return "/organizations";
      }

      @Override
      String body() {
        return Json.of("name", "Walk " + UUID.randomUUID());
      }
    },
    REGISTER_USER("POST", "/organizations/{orgId}/users", OnixRole.ORG_ADMIN) {
      @Override
      String path(Target t) {
        return "/organizations/" + t.organizationId() + "/users";
      }

      @Override
      String body() {
        return Json.of(
            "email",
            "walk-" + UUID.randomUUID() + "@example.org",
            "displayName",
            "Walker",
            "signInMethod",
            "PASSWORD");
      }
    },
    CHANGE_SIGN_IN_METHOD(
        "PUT", "/organizations/{orgId}/users/{userId}/sign-in-method", OnixRole.ORG_ADMIN) {
      @Override
      String path(Target t) {
        return "/organizations/" + t.organizationId() + "/users/" + t.userId() + "/sign-in-method";
      }

      @Override
      String body() {
        return Json.of("signInMethod", "ENTRA_ID");
      }

      @Override
      String changedAggregate(Target t) {
        return t.userId();
      }
    },
    SET_TWO_FACTOR_POLICY("PUT", "/organizations/{orgId}/two-factor-policy", OnixRole.ORG_ADMIN) {
      @Override
      String path(Target t) {
        return "/organizations/" + t.organizationId() + "/two-factor-policy";
      }

      @Override
      String body() {
        return Json.of("required", true);
      }

      @Override
      String changedAggregate(Target t) {
        return t.organizationId();
      }
    },
    SET_EMAIL_CODE_POLICY(
        "PUT", "/organizations/{orgId}/two-factor-policy/email-codes", OnixRole.ORG_ADMIN) {
      @Override
      String path(Target t) {
        return "/organizations/" + t.organizationId() + "/two-factor-policy/email-codes";
      }

      @Override
      String body() {
        return Json.of("allowed", true);
      }

      @Override
      String changedAggregate(Target t) {
        return t.organizationId();
      }
    },
    SEND_EMAIL_CODE("POST", "/sign-in/email-codes", OnixRole.SIGN_IN_SERVICE) {
      @Override
      String path(Target t) {
        return "/sign-in/email-codes";
      }

      @Override
      String body(Target t) {
        return Json.of("userId", t.userId());
      }

      /** The walk's organization does not allow email codes: that refusal is the control. */
      @Override
      int validStatus() {
        return 409;
      }
    },
    TAKE_BACKUP("POST", "/operator/backups", OnixRole.PLATFORM_OPERATOR) {
      @Override
      String path(Target t) {
        return "/operator/backups";
      }

      /** The walk's store lives in memory: the refusal after authorization is the control. */
      @Override
      int validStatus() {
        return 409;
      }
    },
    LIST_MAIL_DELIVERIES("GET", "/mail-deliveries", OnixRole.PLATFORM_OPERATOR) {
      @Override
      String path(Target t) {
        return "/mail-deliveries";
      }

      @Override
      String malformedQuery() {
        return "limit=many";
      }
    },
    START_TWO_FACTOR_SETUP("POST", "/users/{userId}/two-factor/setup", OnixRole.SIGN_IN_SERVICE) {
      @Override
      String path(Target t) {
        return "/users/" + t.userId() + "/two-factor/setup";
      }

      @Override
      String changedAggregate(Target t) {
        return t.userId();
      }
    },
    CONFIRM_TWO_FACTOR_SETUP(
        "POST", "/users/{userId}/two-factor/setup/confirm", OnixRole.SIGN_IN_SERVICE) {
      @Override
      String path(Target t) {
        return "/users/" + t.userId() + "/two-factor/setup/confirm";
      }

      @Override
      String body() {
        return Json.of("code", "123456");
      }

      /** The walk's user has no setup to confirm: getting that far is the control. */
      @Override
      int validStatus() {
        return 409;
      }
    },
    VERIFY_SECOND_FACTOR("POST", "/sign-in/verifications", OnixRole.SIGN_IN_SERVICE) {
      @Override
      String path(Target t) {
        return "/sign-in/verifications";
      }

      @Override
      String body() {
        return null;
      }

      @Override
      String body(Target t) {
        return Json.of("userId", t.userId(), "method", "TOTP", "code", "123456");
      }

      /** The walk's user is not enrolled: a checked and refused code is the control. */
      @Override
      int validStatus() {
        return 409;
      }

      @Override
      String changedAggregate(Target t) {
        return t.userId();
      }
    },
    RESET_TWO_FACTOR(
        "POST", "/organizations/{orgId}/users/{userId}/two-factor/reset", OnixRole.ORG_ADMIN) {
      @Override
      String path(Target t) {
        return "/organizations/"
            + t.organizationId()
            + "/users/"
            + t.userId()
            + "/two-factor/reset";
      }

      @Override
      String body() {
        return Json.of("reason", "walk");
      }

      @Override
      String changedAggregate(Target t) {
        return t.userId();
      }
    },
    ISSUE_ACCESS_CODE(
        "POST", "/organizations/{orgId}/users/{userId}/access-codes", OnixRole.ORG_ADMIN) {
      @Override
      String path(Target t) {
        return "/organizations/" + t.organizationId() + "/users/" + t.userId() + "/access-codes";
      }

      @Override
      String body() {
        return Json.of("lifetimeMinutes", 30);
      }

      @Override
      String changedAggregate(Target t) {
        return t.userId();
      }
    },
    REVOKE_ACCESS_CODE(
        "DELETE",
        "/organizations/{orgId}/users/{userId}/access-codes/{accessCodeId}",
        OnixRole.ORG_ADMIN) {
      @Override
      String path(Target t) {
        return "/organizations/"
            + t.organizationId()
            + "/users/"
            + t.userId()
            + "/access-codes/"
            + UUID.randomUUID();
      }

      @Override
      String body() {
        return null;
      }

      /** No such code: the refusal after authorization is the control. */
      @Override
      int validStatus() {
        return 404;
      }
    };

    final String method;
    final String pattern;
    final OnixRole role;

    Endpoint(String method, String pattern, OnixRole role) {
      this.method = method;
      this.pattern = pattern;
      this.role = role;
    }

    abstract String path(Target t);

    /** The request body, or null for none. */
    String body() {
      return null;
    }

    String body(Target t) {
      return body();
    }

    /** What a valid token gets: any 2xx (2), or the refusal that proves it got past security. */
    int validStatus() {
      return 2;
    }

    /** The aggregate a successful request appends to, where the test can know it. */
    String changedAggregate(Target t) {
      return null;
    }

    /** A query string that cannot be bound, for endpoints that take query parameters. */
    String malformedQuery() {
      return null;
    }

    /** This endpoint's request made malformed in one way, if the endpoint has that part. */
    Optional<Malformed> malformed(Malformation malformation, Target t) {
      String path = path(t);
      String body = body(t);
      return switch (malformation) {
        case ID_IN_PATH -> {
          Matcher ids = UUID_IN_PATH.matcher(path);
          int last = -1;
          while (ids.find()) {
            last = ids.start();
          }
          yield last < 0
              ? Optional.empty()
              : Optional.of(
                  new Malformed(
                      path.substring(0, last) + "not-a-uuid" + path.substring(last + 36), body));
        }
        case BODY ->
            body == null ? Optional.empty() : Optional.of(new Malformed(path, "{\"broken\":"));
        case QUERY_PARAMETER ->
            malformedQuery() == null
                ? Optional.empty()
                : Optional.of(new Malformed(path + "?" + malformedQuery(), body));
      };
    }

    /** The organization the role is scoped to, for org-scoped roles. */
    String organizationFor(Target t) {
      return role.organizationScoped() ? t.organizationId() : null;
    }

    OnixRole[] everyOtherRole() {
      Set<OnixRole> others = EnumSet.allOf(OnixRole.class);
      others.remove(role);
      return others.toArray(OnixRole[]::new);
    }
  }

  enum Credential {
    VALID(2),
    NONE(401),
    MALFORMED(401),
    ALG_NONE(401),
    HMAC_WITH_PUBLIC_KEY(401),
    SIGNED_BY_ANOTHER_KEY(401),
    EXPIRED(401),
    NOT_YET_VALID(401),
    TAMPERED_CLAIMS(401),
    FOREIGN_ISSUER(401),
    NO_SUBJECT(401),
    WITHOUT_THE_ROLE(403),
    ORG_ADMIN_OF_ANOTHER_ORGANIZATION(403);

    /** The expected status, or 2 for "any 2xx". */
    final int expected;

    Credential(int expected) {
      this.expected = expected;
    }

    String token(Tokens tokens, Endpoint endpoint, Target target) {
      String sub = "walker-1";
      String org = endpoint.organizationFor(target);
      OnixRole role = endpoint.role;
      return switch (this) {
        case VALID -> tokens.mint(sub, org, role);
        case NONE -> null;
        case MALFORMED -> "abc";
        case ALG_NONE -> tokens.unsigned(List.of(role.name()), org);
        case HMAC_WITH_PUBLIC_KEY -> tokens.hmacWithThePublicKey(List.of(role.name()), org);
        case SIGNED_BY_ANOTHER_KEY -> tokens.signedByAnotherKey(List.of(role.name()), org);
        case EXPIRED -> tokens.expired(List.of(role.name()), org);
        case NOT_YET_VALID -> tokens.notYetValid(List.of(role.name()), org);
        case TAMPERED_CLAIMS -> tokens.tampered(List.of(role.name()), org);
        case FOREIGN_ISSUER -> tokens.foreignIssuer(List.of(role.name()), org);
        case NO_SUBJECT -> tokens.withoutSubject(List.of(role.name()), org);
        case WITHOUT_THE_ROLE ->
            tokens.mint(sub, target.organizationId(), endpoint.everyOtherRole());
        case ORG_ADMIN_OF_ANOTHER_ORGANIZATION ->
            tokens.mint(sub, target.otherOrganizationId(), OnixRole.ORG_ADMIN);
      };
    }
  }

  private static final Pattern UUID_IN_PATH =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** One way a request can be malformed before its handler runs. */
  enum Malformation {
    ID_IN_PATH,
    BODY,
    QUERY_PARAMETER
  }

  record Malformed(String path, String body) {
    /** The organization the path names, as written, for a token scoped to it. */
    String organizationInPath() {
      Matcher org = Pattern.compile("^/organizations/([^/?]+)").matcher(path);
      return org.find() ? org.group(1) : null;
    }
  }

  /** Who sends the malformed request, and what they must get. */
  enum MalformedCaller {
    THE_RIGHT_ROLE(400),
    WITHOUT_THE_ROLE(403),
    ORG_ADMIN_OF_ANOTHER_ORGANIZATION(403),
    NO_TOKEN(401);

    final int expected;

    MalformedCaller(int expected) {
      this.expected = expected;
    }

    boolean appliesTo(Endpoint endpoint) {
      return this != ORG_ADMIN_OF_ANOTHER_ORGANIZATION || endpoint.role.organizationScoped();
    }

    String token(Tokens tokens, Endpoint endpoint, Malformed request, Target target) {
      String org = request.organizationInPath();
      return switch (this) {
        case THE_RIGHT_ROLE ->
            tokens.mint("walker-1", endpoint.role.organizationScoped() ? org : null, endpoint.role);
        case WITHOUT_THE_ROLE ->
            tokens.mint(
                "walker-1", org == null ? target.organizationId() : org, endpoint.everyOtherRole());
        case ORG_ADMIN_OF_ANOTHER_ORGANIZATION ->
            tokens.mint("walker-1", target.otherOrganizationId(), OnixRole.ORG_ADMIN);
        case NO_TOKEN -> null;
      };
    }
  }

  /** Made once: the malformed requests never change anything. */
  private static Target malformedTarget;

  private Target malformedTarget() {
    if (malformedTarget == null) {
      String organizationId = registerOrganization();
      malformedTarget =
          new Target(organizationId, registerUser(organizationId), registerOrganization());
    }
    return malformedTarget;
  }

  static Stream<Arguments> everyMalformedRequestFromEveryCaller() {
    Target shape = new Target(UUID.randomUUID().toString(), UUID.randomUUID().toString(), null);
    return Arrays.stream(Endpoint.values())
        .flatMap(
            e ->
                Arrays.stream(Malformation.values())
                    .filter(m -> e.malformed(m, shape).isPresent())
                    .flatMap(
                        m ->
                            Arrays.stream(MalformedCaller.values())
                                .filter(c -> c.appliesTo(e))
                                .map(c -> Arguments.of(e, m, c))));
  }

  /**
   * Authorization comes before Spring MVC reads a parameter: a caller without the role learns
   * nothing from what it sent (403), one without a token is asked for one (401), and only the right
   * role gets as far as the 400 that proves the request really is malformed.
   */
  @ParameterizedTest(name = "{0} with a malformed {1}, sent by {2}")
  @MethodSource("everyMalformedRequestFromEveryCaller")
  void authorizationIsDecidedBeforeAnyParameterIsRead(
      Endpoint endpoint, Malformation malformation, MalformedCaller caller) {
    Target target = malformedTarget();
    Malformed malformed = endpoint.malformed(malformation, target).orElseThrow();

    var request =
        http.method(endpoint.method, malformed.path())
            .token(caller.token(tokens, endpoint, malformed, target));
    Response answer =
        malformed.body() == null ? request.send() : request.json(malformed.body()).send();

    assertThat(answer.status()).as("%s", answer).isEqualTo(caller.expected);
    JsonNode problem = assertProblemDocument(answer);
    String expectedCode =
        switch (caller.expected) {
          case 401 -> "UNAUTHENTICATED";
          case 403 -> "FORBIDDEN";
          default ->
              switch (malformation) {
                case ID_IN_PATH -> "INVALID_ID";
                case BODY -> "MALFORMED_JSON";
                case QUERY_PARAMETER -> "VALIDATION_FAILED";
              };
        };
    assertThat(problem.path("code").asText()).as("%s", answer).isEqualTo(expectedCode);
  }

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  private RequestMappingHandlerMapping mappings;

  /** A new endpoint must join the walk: this lists the service's own mappings against it. */
  @Test
  void theWalkCoversEveryCommandEndpointOfTheService() {
    Set<String> served = new TreeSet<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              if (!handler
                  .getBeanType()
                  .getPackageName()
                  .startsWith("com.onix.twofactor.command")) {
                return;
              }
              for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                for (String pattern : info.getPatternValues()) {
                  served.add(method.name() + " " + pattern);
                }
              }
            });
    Set<String> walked = new TreeSet<>();
    for (Endpoint endpoint : Endpoint.values()) {
      walked.add(endpoint.method + " " + endpoint.pattern);
    }

    assertThat(served).as("command endpoints the service maps").isEqualTo(walked);
  }

  static Stream<Arguments> everyEndpointWithEveryCredential() {
    return Arrays.stream(Endpoint.values())
        .flatMap(e -> Arrays.stream(Credential.values()).map(c -> Arguments.of(e, c)));
  }

  @ParameterizedTest(name = "{0} with {1} token")
  @MethodSource("everyEndpointWithEveryCredential")
  void onlyAValidTokenWithTheRightRoleGetsThrough(Endpoint endpoint, Credential credential) {
    String organizationId = registerOrganization();
    Target target =
        new Target(organizationId, registerUser(organizationId), registerOrganization());
    String changed = endpoint.changedAggregate(target);
    long eventsBefore = changed == null ? 0 : storedEvents(changed).size();

    assertThat(endpoint.path(target))
        .matches(endpoint.pattern.replaceAll("\\{[^}]+}", "[0-9a-f-]{36}"));

    var request =
        http.method(endpoint.method, endpoint.path(target))
            .token(credential.token(tokens, endpoint, target));
    String body = endpoint.body(target);
    Response answer = body == null ? request.send() : request.json(body).send();

    if (credential == Credential.VALID) {
      if (endpoint.validStatus() == 2) {
        assertThat(answer.status()).as("%s", answer).isBetween(200, 299);
      } else {
        assertThat(answer.status()).as("%s", answer).isEqualTo(endpoint.validStatus());
      }
      if (changed != null) {
        assertThat(storedEvents(changed)).hasSize((int) eventsBefore + 1);
      }
      return;
    }
    if (credential == Credential.ORG_ADMIN_OF_ANOTHER_ORGANIZATION) {
      // docs/http-api.md, "Who calls": 403 (404 allowed); never a hint that the resource exists.
      assertThat(answer.status()).as("%s", answer).isIn(403, 404);
    } else {
      assertThat(answer.status()).as("%s", answer).isEqualTo(credential.expected);
    }
    JsonNode problem = assertProblemDocument(answer);
    if (answer.status() == 401) {
      assertThat(problem.path("code").asText()).isEqualTo("UNAUTHENTICATED");
      assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
    }
    if (answer.status() == 403) {
      assertThat(problem.path("code").asText()).isEqualTo("FORBIDDEN");
    }
    if (changed != null) {
      assertThat(storedEvents(changed)).hasSize((int) eventsBefore);
    }
  }
}
