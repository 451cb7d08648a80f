package com.onix.twofactor.command.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.onix.twofactor.support.security.OnixRole;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * The second-factor endpoints over HTTP, for tests that set up, confirm, verify and issue codes.
 * Adds no configuration of its own, so it shares the Spring context of {@link
 * CommandSideIntegrationTest}.
 */
public abstract class TwoFactorIntegrationTest extends CommandSideIntegrationTest {

  /** A user in a fresh organization. */
  protected record NewUser(String organizationId, String userId, String email) {}

  /**
   * A user whose setup was confirmed with the code of {@code confirmedStep}; the code of the step
   * after it is fresh, and accepted within the one step of skew for the next 30 seconds or more.
   */
  protected record Enrolled(
      String organizationId,
      String userId,
      String email,
      String secret,
      Authenticator authenticator,
      long confirmedStep) {

    public String confirmingCode() {
      return authenticator.codeForStep(confirmedStep);
    }

    public String freshCode() {
      return authenticator.codeForStep(confirmedStep + 1);
    }

    public String wrongCode() {
      return TwoFactorIntegrationTest.wrongCode(authenticator);
    }
  }

  /** The time step of the test's clock now; the service's is the same or one later. */
  protected static long currentStep() {
    return Math.floorDiv(Instant.now().getEpochSecond(), 30);
  }

  /** Six digits that are the code of no step within three of now. */
  protected static String wrongCode(Authenticator authenticator) {
    long now = currentStep();
    Set<String> near = new HashSet<>();
    for (long step = now - 3; step <= now + 3; step++) {
      near.add(authenticator.codeForStep(step));
    }
    for (int candidate = 0; ; candidate++) {
      String code = String.format("%06d", candidate);
      if (!near.contains(code)) {
        return code;
      }
    }
  }

  protected static String userToken(String userId) {
    return tokens.mint(userId, null, OnixRole.USER);
  }

  protected static String signInService() {
    return tokens.mint("sign-in-page", null, OnixRole.SIGN_IN_SERVICE);
  }

  protected NewUser newUser() {
    String organizationId = registerOrganization();
    String email = uniqueEmail();
    return new NewUser(organizationId, registerUser(organizationId, email), email);
  }

  protected String registerEntraIdUser(String organizationId) {
    Response created =
        http.post("/organizations/" + organizationId + "/users")
            .token(tokens.orgAdmin(organizationId))
            .json(
                Json.of(
                    "email",
                    uniqueEmail(),
                    "displayName",
                    "Entra User",
                    "signInMethod",
                    "ENTRA_ID"))
            .send();
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    return created.json().path("userId").asText();
  }

  protected Response startSetup(String userId, String token) {
    return http.post("/users/" + userId + "/two-factor/setup").token(token).send();
  }

  /** Started by the user themself; asserts the 201 and returns the base32 secret. */
  protected String startedSetup(String userId) {
    Response started = startSetup(userId, userToken(userId));
    assertThat(started.status()).as("%s", started).isEqualTo(201);
    return started.json().path("secret").asText();
  }

  protected Response confirmSetup(String userId, String code) {
    return http.post("/users/" + userId + "/two-factor/setup/confirm")
        .token(userToken(userId))
        .json(Json.of("code", code))
        .send();
  }

  /** Sets up and confirms with the code of the current step. */
  protected Enrolled enroll(NewUser user) {
    String secret = startedSetup(user.userId());
    Authenticator authenticator = new Authenticator(secret);
    long step = currentStep();
    Response confirmed = confirmSetup(user.userId(), authenticator.codeForStep(step));
    assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
    return new Enrolled(
        user.organizationId(), user.userId(), user.email(), secret, authenticator, step);
  }

  protected Enrolled enrolledUser() {
    return enroll(newUser());
  }

  protected Response verify(String body) {
    return http.post("/sign-in/verifications").token(signInService()).json(body).send();
  }

  protected Response verifyTotp(String userId, String code) {
    return verify(Json.of("userId", userId, "method", "TOTP", "code", code));
  }

  protected Response redeem(String userId, String code) {
    return verify(Json.of("userId", userId, "method", "ACCESS_CODE", "code", code));
  }

  /** Five wrong TOTP codes: the fifth is answered 423. */
  protected void lockOut(Enrolled user) {
    for (int failure = 1; failure <= 5; failure++) {
      Response rejected = verifyTotp(user.userId(), user.wrongCode());
      assertThat(rejected.status())
          .as("failure %d: %s", failure, rejected)
          .isEqualTo(failure < 5 ? 422 : 423);
    }
  }

  protected String accessCodesPath(String organizationId, String userId) {
    return "/organizations/" + organizationId + "/users/" + userId + "/access-codes";
  }

  /** With no body: the default lifetime. */
  protected Response issueAccessCode(String organizationId, String userId) {
    return http.post(accessCodesPath(organizationId, userId))
        .token(tokens.orgAdmin(organizationId))
        .send();
  }

  protected Response issueAccessCode(String organizationId, String userId, String body) {
    return http.post(accessCodesPath(organizationId, userId))
        .token(tokens.orgAdmin(organizationId))
        .json(body)
        .send();
  }

  /** Asserts the 201. */
  protected Response issuedAccessCode(String organizationId, String userId) {
    Response issued = issueAccessCode(organizationId, userId);
    assertThat(issued.status()).as("%s", issued).isEqualTo(201);
    return issued;
  }

  protected Response revokeAccessCode(String organizationId, String userId, String accessCodeId) {
    return http.method("DELETE", accessCodesPath(organizationId, userId) + "/" + accessCodeId)
        .token(tokens.orgAdmin(organizationId))
        .send();
  }

  protected Response reset(String organizationId, String userId) {
    return http.post("/organizations/" + organizationId + "/users/" + userId + "/two-factor/reset")
        .token(tokens.orgAdmin(organizationId))
        .json(Json.of("reason", "lost phone"))
        .send();
  }
}
