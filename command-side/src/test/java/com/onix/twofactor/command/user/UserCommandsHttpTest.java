package com.onix.twofactor.command.user;

import static com.onix.twofactor.command.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.onix.twofactor.command.testing.CommandSideIntegrationTest;
import com.onix.twofactor.command.testing.Json;
import com.onix.twofactor.command.testing.Response;
import com.onix.twofactor.kernel.user.SignInMethod;
import com.onix.twofactor.kernel.user.SignInMethodChanged;
import com.onix.twofactor.kernel.user.UserRegistered;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserCommandsHttpTest extends CommandSideIntegrationTest {

  private Response changeSignInMethod(String organizationId, String userId, String method) {
    return http.put("/organizations/" + organizationId + "/users/" + userId + "/sign-in-method")
        .token(tokens.orgAdmin(organizationId))
        .json(Json.of("signInMethod", method))
        .send();
  }

  @Test
  void registeringAUserAnswers201WithItsIdAndVersionZero() {
    String organizationId = registerOrganization();

    Response created =
        http.post("/organizations/" + organizationId + "/users")
            .token(tokens.orgAdmin(organizationId))
            .json(
                Json.of(
                    "email", uniqueEmail(), "displayName", "Ann Smith", "signInMethod", "ENTRA_ID"))
            .send();

    assertThat(created.status()).as("%s", created).isEqualTo(201);
    String userId = created.json().path("userId").asText();
    assertThat(UUID.fromString(userId).toString()).isEqualTo(userId);
    assertThat(created.header("Onix-Aggregate-Version")).isEqualTo(userId + ":0");
  }

  @Test
  void aRegisteredUserIsStoredWithTrimmedEmailAndNameInTheOrganization() {
    String organizationId = registerOrganization();
    String email = uniqueEmail();

    String userId =
        http.post("/organizations/" + organizationId + "/users")
            .token(tokens.orgAdmin(organizationId))
            .json(
                Json.of(
                    "email",
                    "  " + email + " ",
                    "displayName",
                    " Ann Smith ",
                    "signInMethod",
                    "PASSWORD"))
            .send()
            .json()
            .path("userId")
            .asText();

    assertThat(storedPayloads(userId))
        .containsExactly(
            new UserRegistered(userId, organizationId, email, "Ann Smith", SignInMethod.PASSWORD));
  }

  @Test
  void changingTheSignInMethodAnswers200WithVersionOne() {
    String organizationId = registerOrganization();
    String userId = registerUser(organizationId);

    Response changed = changeSignInMethod(organizationId, userId, "ENTRA_ID");

    assertThat(changed.status()).as("%s", changed).isEqualTo(200);
    assertThat(changed.header("Onix-Aggregate-Version")).isEqualTo(userId + ":1");
    assertThat(storedPayloads(userId))
        .last()
        .isEqualTo(
            new SignInMethodChanged(
                userId, organizationId, SignInMethod.PASSWORD, SignInMethod.ENTRA_ID));
  }

  @Test
  void choosingTheCurrentSignInMethodAnswers200AndStoresNothing() {
    String organizationId = registerOrganization();
    String userId = registerUser(organizationId);

    Response unchanged = changeSignInMethod(organizationId, userId, "PASSWORD");

    assertThat(unchanged.status()).as("%s", unchanged).isEqualTo(200);
    assertThat(unchanged.header("Onix-Aggregate-Version")).isEqualTo(userId + ":0");
    assertThat(storedEvents(userId)).hasSize(1);
  }

  @Test
  void registeringInAnUnknownOrganizationIs404UnknownOrganization() {
    String unknown = UUID.randomUUID().toString();

    assertProblem(postUser(unknown, uniqueEmail()), 404, "UNKNOWN_ORGANIZATION");
  }

  @Test
  void registeringUnderAUserIdUsedAsOrganizationIdIs404UnknownOrganization() {
    String organizationId = registerOrganization();
    String userId = registerUser(organizationId);

    assertProblem(postUser(userId, uniqueEmail()), 404, "UNKNOWN_ORGANIZATION");
  }

  @Test
  void changingAnUnknownUserIs404UnknownUser() {
    String organizationId = registerOrganization();

    Response changed = changeSignInMethod(organizationId, UUID.randomUUID().toString(), "ENTRA_ID");

    assertProblem(changed, 404, "UNKNOWN_USER");
  }

  @Test
  void aUserOfAnotherOrganizationIs404UnknownUserForThisOrganizationsAdmin() {
    String organizationId = registerOrganization();
    String otherOrganizationId = registerOrganization();
    String otherUserId = registerUser(otherOrganizationId);

    Response changed = changeSignInMethod(organizationId, otherUserId, "ENTRA_ID");

    assertProblem(changed, 404, "UNKNOWN_USER");
    assertThat(storedEvents(otherUserId)).hasSize(1);
  }

  @Test
  void anOrganizationIdUsedAsUserIdIs404UnknownUser() {
    String organizationId = registerOrganization();

    Response changed = changeSignInMethod(organizationId, organizationId, "ENTRA_ID");

    assertProblem(changed, 404, "UNKNOWN_USER");
    assertThat(storedEvents(organizationId)).hasSize(1);
  }

  @Test
  void anotherOrganizationsIdUsedAsUserIdIs404UnknownUser() {
    String organizationId = registerOrganization();
    String otherOrganizationId = registerOrganization();

    Response changed = changeSignInMethod(organizationId, otherOrganizationId, "ENTRA_ID");

    assertProblem(changed, 404, "UNKNOWN_USER");
  }
}
