package com.onix.twofactor.query.user;

import static com.onix.twofactor.query.testing.ProblemAssertions.assertProblem;
import static com.onix.twofactor.query.testing.QueryClient.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.query.testing.EventFeed;
import com.onix.twofactor.query.testing.QueryClient;
import com.onix.twofactor.query.testing.QuerySideIntegrationTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /organizations/{orgId}/users and /organizations/{orgId}/users/{userId}. */
class OrganizationUsersEndpointTest extends QuerySideIntegrationTest {

  private static final List<String> USER_FIELDS =
      List.of(
          "userId",
          "email",
          "displayName",
          "signInMethod",
          "twoFactor",
          "enrolledAt",
          "lastVerifiedAt",
          "accessCode",
          "lockedUntil");

  private QueryClient.Reply list(String org, String query, EventFeed.Appended after) {
    return api.get(
        "/organizations/" + org + "/users?minVersion=" + q(after.version()) + query,
        tokens.orgAdmin(org));
  }

  private JsonNode one(String org, String userId, EventFeed.Appended after) {
    QueryClient.Reply reply =
        api.get(
            "/organizations/" + org + "/users/" + userId + "?minVersion=" + q(after.version()),
            tokens.orgAdmin(org));
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply.json();
  }

  @Test
  void oneUserHasTheDocumentedFields() {
    String org = newOrganization();
    NewUser user = newUser(org, SignInMethod.PASSWORD);

    JsonNode answer = one(org, user.userId(), user.registered());

    assertThat(answer.fieldNames()).toIterable().containsAll(USER_FIELDS);
    assertThat(answer.path("userId").asText()).isEqualTo(user.userId());
    assertThat(answer.path("email").asText()).isEqualTo(user.email());
    assertThat(answer.path("displayName").asText()).isEqualTo("User " + user.email());
    assertThat(answer.path("signInMethod").asText()).isEqualTo("PASSWORD");
    assertThat(answer.path("twoFactor").asText()).isEqualTo("NOT_REQUIRED");
    assertThat(answer.path("enrolledAt").isNull()).isTrue();
    assertThat(answer.path("lastVerifiedAt").isNull()).isTrue();
    assertThat(answer.path("accessCode").isNull()).isTrue();
    assertThat(answer.path("lockedUntil").isNull()).isTrue();
  }

  @Test
  void auditorMayReadAUser() {
    String org = newOrganization();
    NewUser user = newUser(org, SignInMethod.ENTRA_ID);

    QueryClient.Reply reply =
        api.get(
            "/organizations/"
                + org
                + "/users/"
                + user.userId()
                + "?minVersion="
                + q(user.registered().version()),
            tokens.auditor(org));

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.json().path("twoFactor").asText()).isEqualTo("EXEMPT");
  }

  @Test
  void listedUsersHaveTheDocumentedFields() {
    String org = newOrganization();
    NewUser user = newUser(org, SignInMethod.PASSWORD);

    QueryClient.Reply reply = list(org, "", user.registered());

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    JsonNode page = reply.json();
    assertThat(page.has("next")).isTrue();
    assertThat(page.path("next").isNull()).isTrue();
    assertThat(page.path("users")).hasSize(1);
    JsonNode listed = page.path("users").get(0);
    assertThat(listed.fieldNames()).toIterable().containsAll(USER_FIELDS);
    assertThat(listed).isEqualTo(one(org, user.userId(), user.registered()));
  }

  @Test
  void listReflectsThePolicyPerUser() {
    String org = newOrganization();
    NewUser password = newUser(org, SignInMethod.PASSWORD, "a-" + UUID.randomUUID() + "@x.org");
    NewUser entra = newUser(org, SignInMethod.ENTRA_ID, "b-" + UUID.randomUUID() + "@x.org");
    EventFeed.Appended enabled = feed.policyEnabled(org);

    JsonNode users = list(org, "", enabled).json().path("users");

    assertThat(users)
        .extracting(u -> u.path("userId").asText())
        .containsExactly(password.userId(), entra.userId());
    assertThat(users.get(0).path("twoFactor").asText()).isEqualTo("SETUP_REQUIRED");
    assertThat(users.get(1).path("twoFactor").asText()).isEqualTo("EXEMPT");
  }

  @Test
  void listShowsOnlyTheOrganizationsOwnUsers() {
    String org = newOrganization();
    String otherOrg = newOrganization();
    NewUser mine = newUser(org, SignInMethod.PASSWORD);
    NewUser theirs = newUser(otherOrg, SignInMethod.PASSWORD);
    // Read-your-writes only waits for the organization's own aggregates: wait on theirs there.
    one(otherOrg, theirs.userId(), theirs.registered());

    JsonNode users = list(org, "", mine.registered()).json().path("users");

    assertThat(users).extracting(u -> u.path("userId").asText()).containsExactly(mine.userId());
  }

  @Test
  void pagesWalkEveryUserOnceInRegistrationOrder() {
    String org = newOrganization();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    List<String> locals = new ArrayList<>(List.of("gus", "Bea", "eve", "Ann", "dan", "Fay", "cid"));
    Collections.shuffle(locals, new Random(7));
    List<NewUser> users = new ArrayList<>();
    for (String local : locals) {
      users.add(newUser(org, SignInMethod.PASSWORD, local + "." + tag + "@example.org"));
    }
    EventFeed.Appended last = users.get(users.size() - 1).registered();

    List<String> walked = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      QueryClient.Reply reply =
          list(org, "&limit=3" + (cursor == null ? "" : "&cursor=" + q(cursor)), last);
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      JsonNode page = reply.json();
      page.path("users").forEach(u -> walked.add(u.path("email").asText()));
      pageSizes.add(page.path("users").size());
      cursor = page.path("next").isNull() ? null : page.path("next").asText();
      assertThat(++pages).as("pages").isLessThanOrEqualTo(5);
    } while (cursor != null);

    List<String> expected = users.stream().map(NewUser::email).toList();
    assertThat(walked).containsExactlyElementsOf(expected);
    assertThat(pageSizes).containsExactly(3, 3, 1);
  }

  @Test
  void lastFullPageHasNoNext() {
    String org = newOrganization();
    newUser(org, SignInMethod.PASSWORD);
    NewUser second = newUser(org, SignInMethod.PASSWORD);

    JsonNode page = list(org, "&limit=2", second.registered()).json();

    assertThat(page.path("users")).hasSize(2);
    assertThat(page.path("next").isNull()).isTrue();
  }

  @ParameterizedTest(name = "limit={0}")
  @ValueSource(strings = {"0", "501", "-1", "many"})
  void limitOutsideOneTo500IsAValidationFailure(String limit) {
    String org = newOrganization();
    NewUser user = newUser(org, SignInMethod.PASSWORD);

    assertProblem(list(org, "&limit=" + limit, user.registered()), 400, "VALIDATION_FAILED");
  }

  @Test
  void limitOf500IsAllowed() {
    String org = newOrganization();
    NewUser user = newUser(org, SignInMethod.PASSWORD);

    assertThat(list(org, "&limit=500", user.registered()).status()).isEqualTo(200);
  }

  @Test
  void bogusCursorIsAValidationFailure() {
    String org = newOrganization();
    NewUser user = newUser(org, SignInMethod.PASSWORD);

    assertProblem(
        list(org, "&cursor=" + q("not a cursor!"), user.registered()), 400, "VALIDATION_FAILED");
  }

  @Test
  void userOfAnotherOrganizationIsUnknown() {
    String org = newOrganization();
    String otherOrg = newOrganization();
    NewUser theirs = newUser(otherOrg, SignInMethod.PASSWORD);
    one(otherOrg, theirs.userId(), theirs.registered());

    QueryClient.Reply reply =
        api.get("/organizations/" + org + "/users/" + theirs.userId(), tokens.orgAdmin(org));

    assertProblem(reply, 404, "UNKNOWN_USER");
  }

  @Test
  void minVersionOfAnotherOrganizationsUserTellsNothingAndTimesOut() {
    String org = newOrganization();
    String otherOrg = newOrganization();
    NewUser theirs = newUser(otherOrg, SignInMethod.PASSWORD);
    one(otherOrg, theirs.userId(), theirs.registered());

    QueryClient.Reply reply =
        api.get(
            "/organizations/" + org + "/users?minVersion=" + q(theirs.registered().version()),
            tokens.orgAdmin(org));

    assertProblem(reply, 503, "NOT_YET_CONSISTENT");
  }

  @Test
  void userThatNeverExistedIsUnknown() {
    String org = newOrganization();
    NewUser user = newUser(org, SignInMethod.PASSWORD);

    QueryClient.Reply reply =
        api.get(
            "/organizations/"
                + org
                + "/users/"
                + UUID.randomUUID()
                + "?minVersion="
                + q(user.registered().version()),
            tokens.orgAdmin(org));

    assertProblem(reply, 404, "UNKNOWN_USER");
  }

  @Test
  void usersOfAnUnknownOrganizationAreUnknownOrganization() {
    String org = UUID.randomUUID().toString();

    assertProblem(
        api.get("/organizations/" + org + "/users", tokens.orgAdmin(org)),
        404,
        "UNKNOWN_ORGANIZATION");
    assertProblem(
        api.get("/organizations/" + org + "/users/" + UUID.randomUUID(), tokens.orgAdmin(org)),
        404,
        "UNKNOWN_ORGANIZATION");
  }
}
