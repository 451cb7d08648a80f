package com.onix.twofactor.query;

import static com.onix.twofactor.query.testing.ProblemAssertions.assertProblemDocument;
import static com.onix.twofactor.query.testing.QueryClient.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.query.testing.QueryClient;
import com.onix.twofactor.query.testing.QuerySideIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every query endpoint against every kind of caller it must turn away: never a 2xx, never a 500,
 * always a problem document with a code. The valid-token control shows each endpoint answers when
 * it should, so the refusals are about the token and nothing else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointSecurityTest extends QuerySideIntegrationTest {

  private String org;
  private String otherOrg;
  private NewUser user;

  @BeforeAll
  void oneOrganizationWithAUser() {
    connectToTheService(); // @BeforeEach has not run yet
    org = newOrganization();
    otherOrg = newOrganization();
    user = newUser(org, SignInMethod.PASSWORD);
    // Both organizations and the user are in the views before any case runs.
    QueryClient.Reply ready =
        api.get(
            "/organizations/"
                + org
                + "/users/"
                + user.userId()
                + "?minVersion="
                + q(user.registered().version()),
            tokens.orgAdmin(org));
    assertThat(ready.status()).as("%s", ready).isEqualTo(200);
  }

  enum Endpoint {
    SIGN_IN_REQUIREMENTS(false, QueryClient.JSON),
    USERS(true, QueryClient.JSON),
    USER(true, QueryClient.JSON),
    TWO_FACTOR_POLICY(true, QueryClient.JSON),
    TWO_FACTOR_COUNTS(true, QueryClient.JSON),
    AUDIT_EVENTS(true, QueryClient.JSON),
    AUDIT_EVENTS_EXPORT(true, QueryClient.NDJSON),
    AUDIT_INTEGRITY(true, QueryClient.JSON);

    final boolean organizationScoped;
    final String accept;

    Endpoint(boolean organizationScoped, String accept) {
      this.organizationScoped = organizationScoped;
      this.accept = accept;
    }
  }

  private String path(Endpoint endpoint) {
    return switch (endpoint) {
      case SIGN_IN_REQUIREMENTS -> "/sign-in/requirements?email=" + q(user.email());
      case USERS -> "/organizations/" + org + "/users";
      case USER -> "/organizations/" + org + "/users/" + user.userId();
      case TWO_FACTOR_POLICY -> "/organizations/" + org + "/two-factor-policy";
      case TWO_FACTOR_COUNTS -> "/organizations/" + org + "/two-factor-counts";
      case AUDIT_EVENTS, AUDIT_EVENTS_EXPORT -> "/organizations/" + org + "/audit-events";
      case AUDIT_INTEGRITY -> "/organizations/" + org + "/audit-integrity";
    };
  }

  /** The roles and organization of a caller the endpoint serves. */
  private List<String> allowedRoles(Endpoint endpoint) {
    if (endpoint == Endpoint.AUDIT_INTEGRITY) {
      return List.of("AUDITOR");
    }
    return endpoint.organizationScoped ? List.of("ORG_ADMIN") : List.of("SIGN_IN_SERVICE");
  }

  private String allowedOrg(Endpoint endpoint) {
    return endpoint.organizationScoped ? org : null;
  }

  /** A way to call that must be refused, with the statuses allowed for the refusal. */
  enum Refusal {
    NO_TOKEN(Set.of(401), (t, e) -> null),
    NOT_A_JWT(Set.of(401), (t, e) -> "Bearer not-a-jwt"),
    GARBLED_JWT(Set.of(401), (t, e) -> "Bearer eyJhbGciOiJSUzI1NiJ9.@@@.###"),
    TRUNCATED_JWT(
        Set.of(401),
        (t, e) -> {
          String token = t.tokens.mint(t.allowedRoles(e), t.allowedOrg(e));
          return "Bearer " + token.substring(0, token.lastIndexOf('.'));
        }),
    NOT_BEARER(Set.of(401), (t, e) -> "Basic dXNlcjpwYXNzd29yZA=="),
    ALG_NONE(
        Set.of(401), (t, e) -> "Bearer " + t.tokens.unsigned(t.allowedRoles(e), t.allowedOrg(e))),
    SIGNED_BY_ANOTHER_KEY(
        Set.of(401),
        (t, e) -> "Bearer " + t.tokens.signedByAnotherKey(t.allowedRoles(e), t.allowedOrg(e))),
    HS256_KEYED_WITH_THE_PUBLIC_KEY(
        Set.of(401),
        (t, e) -> "Bearer " + t.tokens.hmacWithThePublicKey(t.allowedRoles(e), t.allowedOrg(e))),
    NO_EXPIRY(
        Set.of(401),
        (t, e) -> "Bearer " + t.tokens.withoutExpiry(t.allowedRoles(e), t.allowedOrg(e))),
    BLANK_SUBJECT(
        Set.of(401),
        (t, e) -> "Bearer " + t.tokens.withBlankSubject(t.allowedRoles(e), t.allowedOrg(e))),
    EXPIRED(
        Set.of(401), (t, e) -> "Bearer " + t.tokens.expired(t.allowedRoles(e), t.allowedOrg(e))),
    FOREIGN_ISSUER(
        Set.of(401),
        (t, e) -> "Bearer " + t.tokens.foreignIssuer(t.allowedRoles(e), t.allowedOrg(e))),
    ROLE_USER(Set.of(403), (t, e) -> "Bearer " + t.tokens.mint(List.of("USER"), t.allowedOrg(e))),
    ROLE_PLATFORM_OPERATOR(
        Set.of(403),
        (t, e) -> "Bearer " + t.tokens.mint(List.of("PLATFORM_OPERATOR"), t.allowedOrg(e))),
    NO_ROLES(Set.of(403), (t, e) -> "Bearer " + t.tokens.mint(List.of(), t.allowedOrg(e))),
    UNKNOWN_ROLE(
        Set.of(403), (t, e) -> "Bearer " + t.tokens.mint(List.of("SUPERUSER"), t.allowedOrg(e))),
    OTHER_ENDPOINTS_ROLE(
        Set.of(403),
        (t, e) ->
            "Bearer "
                + (e.organizationScoped
                    ? t.tokens.signInService()
                    : t.tokens.mint(List.of("ORG_ADMIN", "AUDITOR"), t.org))),
    ORG_ADMIN_OF_ANOTHER_ORGANIZATION(
        Set.of(403, 404), (t, e) -> "Bearer " + t.tokens.orgAdmin(t.otherOrg)),
    AUDITOR_OF_ANOTHER_ORGANIZATION(
        Set.of(403, 404), (t, e) -> "Bearer " + t.tokens.auditor(t.otherOrg)),
    ORG_ADMIN_OF_NO_ORGANIZATION(
        Set.of(403, 404), (t, e) -> "Bearer " + t.tokens.mint(List.of("ORG_ADMIN"), null));

    final Set<Integer> statuses;
    final BiFunction<EndpointSecurityTest, Endpoint, String> authorization;

    Refusal(
        Set<Integer> statuses, BiFunction<EndpointSecurityTest, Endpoint, String> authorization) {
      this.statuses = statuses;
      this.authorization = authorization;
    }

    boolean appliesTo(Endpoint endpoint) {
      return switch (this) {
        case ORG_ADMIN_OF_ANOTHER_ORGANIZATION,
            AUDITOR_OF_ANOTHER_ORGANIZATION,
            ORG_ADMIN_OF_NO_ORGANIZATION ->
            endpoint.organizationScoped;
        default -> true;
      };
    }
  }

  static List<Arguments> everyEndpointAndRefusal() {
    List<Arguments> cases = new ArrayList<>();
    for (Endpoint endpoint : Endpoint.values()) {
      for (Refusal refusal : Refusal.values()) {
        if (refusal.appliesTo(endpoint)) {
          cases.add(Arguments.of(endpoint, refusal));
        }
      }
    }
    return cases;
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("everyEndpointAndRefusal")
  void refusedWithAProblemDocument(Endpoint endpoint, Refusal refusal) {
    QueryClient.Reply reply =
        api.get(path(endpoint), refusal.authorization.apply(this, endpoint), endpoint.accept);

    assertThat(reply.status()).as("%s", reply).isIn(refusal.statuses);
    assertProblemDocument(reply);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Endpoint.class)
  void answeredForACallerWithTheRightRole(Endpoint endpoint) {
    String token = tokens.mint(allowedRoles(endpoint), allowedOrg(endpoint));

    QueryClient.Reply reply = api.get(path(endpoint), "Bearer " + token, endpoint.accept);

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.contentType()).startsWith(endpoint.accept);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Endpoint.class,
      names = {"SIGN_IN_REQUIREMENTS"},
      mode = EnumSource.Mode.EXCLUDE)
  void answeredForAnAuditorOfTheOrganization(Endpoint endpoint) {
    QueryClient.Reply reply =
        api.get(path(endpoint), "Bearer " + tokens.auditor(org), endpoint.accept);

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Endpoint.class,
      names = {"SIGN_IN_REQUIREMENTS"},
      mode = EnumSource.Mode.EXCLUDE)
  void unknownOrganizationIsNotFoundForItsOwnAdmin(Endpoint endpoint) {
    String unknown = UUID.randomUUID().toString();
    String path = path(endpoint).replace(org, unknown);

    String token = tokens.mint(allowedRoles(endpoint), unknown);
    QueryClient.Reply reply = api.get(path, "Bearer " + token, endpoint.accept);

    assertThat(reply.status()).as("%s", reply).isEqualTo(404);
    assertThat(assertProblemDocument(reply).path("code").asText())
        .isEqualTo("UNKNOWN_ORGANIZATION");
  }

  /** The endpoint's request made malformed in each way Spring MVC would refuse while binding. */
  private List<String> malformedPaths(Endpoint endpoint) {
    String path = path(endpoint);
    return switch (endpoint) {
      case SIGN_IN_REQUIREMENTS -> List.of("/sign-in/requirements");
      case USERS ->
          List.of(
              "/organizations/not-a-uuid/users",
              path + "?limit=many",
              path + "?twoFactor=SOMETIMES");
      case USER -> List.of("/organizations/" + org + "/users/not-a-uuid");
      case TWO_FACTOR_POLICY -> List.of("/organizations/not-a-uuid/two-factor-policy");
      case TWO_FACTOR_COUNTS -> List.of("/organizations/not-a-uuid/two-factor-counts");
      case AUDIT_EVENTS ->
          List.of(
              "/organizations/not-a-uuid/audit-events",
              path + "?limit=many",
              path + "?userId=not-a-uuid");
      case AUDIT_EVENTS_EXPORT ->
          List.of("/organizations/not-a-uuid/audit-events", path + "?userId=not-a-uuid");
      case AUDIT_INTEGRITY -> List.of("/organizations/not-a-uuid/audit-integrity");
    };
  }

  /** Who sends a malformed request, and what they must get. */
  enum MalformedCaller {
    THE_RIGHT_ROLE(400),
    WITHOUT_THE_ROLE(403),
    ADMIN_OF_ANOTHER_ORGANIZATION(403),
    NO_TOKEN(401);

    final int expected;

    MalformedCaller(int expected) {
      this.expected = expected;
    }
  }

  /** The organization a malformed path names, as written, so a token can be scoped to it. */
  private static String organizationIn(String path) {
    java.util.regex.Matcher named =
        java.util.regex.Pattern.compile("^/organizations/([^/?]+)").matcher(path);
    return named.find() ? named.group(1) : null;
  }

  private String authorization(MalformedCaller caller, Endpoint endpoint, String path) {
    String scopedTo = endpoint.organizationScoped ? organizationIn(path) : null;
    return switch (caller) {
      case THE_RIGHT_ROLE -> "Bearer " + tokens.mint(allowedRoles(endpoint), scopedTo);
      case WITHOUT_THE_ROLE ->
          "Bearer "
              + (endpoint.organizationScoped
                  ? tokens.mint(List.of("SIGN_IN_SERVICE", "USER", "PLATFORM_OPERATOR"), scopedTo)
                  : tokens.mint(List.of("ORG_ADMIN", "AUDITOR", "USER"), org));
      case ADMIN_OF_ANOTHER_ORGANIZATION -> "Bearer " + tokens.orgAdmin(otherOrg);
      case NO_TOKEN -> null;
    };
  }

  List<Arguments> everyMalformedRequestFromEveryCaller() {
    List<Arguments> cases = new ArrayList<>();
    for (Endpoint endpoint : Endpoint.values()) {
      for (String path : malformedPaths(endpoint)) {
        for (MalformedCaller caller : MalformedCaller.values()) {
          if (caller != MalformedCaller.ADMIN_OF_ANOTHER_ORGANIZATION
              || endpoint.organizationScoped) {
            cases.add(Arguments.of(endpoint, path, caller));
          }
        }
      }
    }
    return cases;
  }

  /**
   * Authorization comes before Spring MVC binds a parameter: a caller without the role learns
   * nothing from what it sent (403), one without a token is asked for one (401), and only the right
   * role reaches the 400 that shows the request really is malformed.
   */
  @ParameterizedTest(name = "{0} {1} sent by {2}")
  @MethodSource("everyMalformedRequestFromEveryCaller")
  void authorizationIsDecidedBeforeAnyParameterIsRead(
      Endpoint endpoint, String path, MalformedCaller caller) {
    QueryClient.Reply reply = api.get(path, authorization(caller, endpoint, path), endpoint.accept);

    assertThat(reply.status()).as("%s", reply).isEqualTo(caller.expected);
    String code = assertProblemDocument(reply).path("code").asText();
    switch (caller.expected) {
      case 401 -> assertThat(code).isEqualTo("UNAUTHENTICATED");
      case 403 -> assertThat(code).isEqualTo("FORBIDDEN");
      default -> assertThat(code).isIn("INVALID_ID", "VALIDATION_FAILED");
    }
  }
}
