package com.onix.twofactor.command.twofactor;

import static com.onix.twofactor.command.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.onix.twofactor.command.testing.Authenticator;
import com.onix.twofactor.command.testing.Json;
import com.onix.twofactor.command.testing.Response;
import com.onix.twofactor.command.testing.TwoFactorIntegrationTest;
import com.onix.twofactor.support.security.OnixRole;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /sign-in/verifications, over HTTP. */
class VerificationHttpTest extends TwoFactorIntegrationTest {

  private static int remainingAttempts(JsonNode problem) {
    assertThat(problem.path("remainingAttempts").isInt())
        .as("remainingAttempts in %s", problem)
        .isTrue();
    return problem.path("remainingAttempts").asInt();
  }

  private static List<String> fieldsOf(JsonNode problem) {
    return StreamSupport.stream(problem.path("errors").spliterator(), false)
        .map(error -> error.path("field").asText())
        .toList();
  }

  @Test
  void aFreshCodeOfAnEnrolledUserIs200VerifiedTotp() {
    Enrolled user = enrolledUser();

    Response verified = verifyTotp(user.userId(), user.freshCode());

    assertThat(verified.status()).as("%s", verified).isEqualTo(200);
    assertThat(verified.json().toString()).isEqualTo("{\"verified\":true,\"method\":\"TOTP\"}");
    assertThat(verified.header("Onix-Aggregate-Version")).isEqualTo(user.userId() + ":3");
  }

  @Test
  void theSameCodeAgainIs422InvalidCodeWithFourAttemptsLeft() {
    Enrolled user = enrolledUser();
    assertThat(verifyTotp(user.userId(), user.freshCode()).status()).isEqualTo(200);

    Response replayed = verifyTotp(user.userId(), user.freshCode());

    assertThat(remainingAttempts(assertProblem(replayed, 422, "INVALID_CODE"))).isEqualTo(4);
  }

  @Test
  void theCodeThatConfirmedTheSetupIs422InvalidCode() {
    Enrolled user = enrolledUser();

    Response replayed = verifyTotp(user.userId(), user.confirmingCode());

    assertThat(remainingAttempts(assertProblem(replayed, 422, "INVALID_CODE"))).isEqualTo(4);
  }

  @Test
  void aRejectionIsRecordedAndCarriesTheNewAggregateVersion() {
    Enrolled user = enrolledUser();

    Response rejected = verifyTotp(user.userId(), user.wrongCode());

    assertProblem(rejected, 422, "INVALID_CODE");
    assertThat(rejected.header("Onix-Aggregate-Version")).isEqualTo(user.userId() + ":3");
    assertThat(storedEvents(user.userId())).hasSize(4);
  }

  @Test
  void aUserWithoutSetupIs409NotEnrolledWithRemainingAttempts() {
    NewUser user = newUser();

    Response rejected = verifyTotp(user.userId(), "123456");

    assertThat(remainingAttempts(assertProblem(rejected, 409, "NOT_ENROLLED"))).isEqualTo(4);
  }

  @Test
  void aUserWithAnUnconfirmedSetupIs409NotEnrolled() {
    NewUser user = newUser();
    String secret = startedSetup(user.userId());

    Response rejected =
        verifyTotp(user.userId(), new Authenticator(secret).codeForStep(currentStep()));

    assertThat(remainingAttempts(assertProblem(rejected, 409, "NOT_ENROLLED"))).isEqualTo(4);
  }

  @Test
  void wrongCodesCountDownThenTheFifthIs423LockedForFiveMinutes() {
    Enrolled user = enrolledUser();
    List<Integer> remaining = new ArrayList<>();
    for (int failure = 1; failure <= 4; failure++) {
      Response rejected = verifyTotp(user.userId(), user.wrongCode());
      remaining.add(remainingAttempts(assertProblem(rejected, 422, "INVALID_CODE")));
    }
    Instant before = Instant.now();

    Response fifth = verifyTotp(user.userId(), user.wrongCode());

    Instant after = Instant.now();
    assertThat(remaining).containsExactly(4, 3, 2, 1);
    JsonNode problem = assertProblem(fifth, 423, "LOCKED");
    assertThat(fifth.header("Retry-After")).as("%s", fifth.headers()).isNotNull();
    assertThat(Long.parseLong(fifth.header("Retry-After"))).isBetween(299L, 301L);
    Instant lockedUntil = Instant.parse(problem.path("lockedUntil").asText());
    assertThat(lockedUntil)
        .isBetween(before.plus(Duration.ofMinutes(5)).minusSeconds(1), after.plusSeconds(301));
  }

  @Test
  void whileLockedEvenTheCorrectCodeIs423Locked() {
    Enrolled user = enrolledUser();
    lockOut(user);

    Response locked = verifyTotp(user.userId(), user.freshCode());

    assertProblem(locked, 423, "LOCKED");
    assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 301L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"userId", "method", "code"})
  void aMissingFieldIs400ValidationFailedNamingIt(String missing) {
    Enrolled user = enrolledUser();
    String body =
        switch (missing) {
          case "userId" -> Json.of("method", "TOTP", "code", user.freshCode());
          case "method" -> Json.of("userId", user.userId(), "code", user.freshCode());
          default -> Json.of("userId", user.userId(), "method", "TOTP");
        };

    Response rejected = verify(body);

    assertThat(fieldsOf(assertProblem(rejected, 400, "VALIDATION_FAILED"))).contains(missing);
    assertThat(storedEvents(user.userId())).hasSize(3);
  }

  @Test
  void anUnknownMethodIs400ValidationFailedNamingTheMethod() {
    Enrolled user = enrolledUser();

    Response rejected =
        verify(Json.of("userId", user.userId(), "method", "SMS", "code", user.freshCode()));

    assertThat(fieldsOf(assertProblem(rejected, 400, "VALIDATION_FAILED"))).contains("method");
    assertThat(storedEvents(user.userId())).hasSize(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1-2-3-4-5", "not-a-user-id", "{user}", ""})
  void aMalformedUserIdIs400ValidationFailedNamingTheUserId(String userId) {
    Response rejected = verify(Json.of("userId", userId, "method", "TOTP", "code", "123456"));

    assertThat(fieldsOf(assertProblem(rejected, 400, "VALIDATION_FAILED"))).contains("userId");
  }

  @Test
  void anUnknownUserIs404UnknownUser() {
    Response rejected = verifyTotp(UUID.randomUUID().toString(), "123456");

    assertProblem(rejected, 404, "UNKNOWN_USER");
  }

  @ParameterizedTest
  @EnumSource(
      value = OnixRole.class,
      names = {"SIGN_IN_SERVICE"},
      mode = EnumSource.Mode.EXCLUDE)
  void aCallerWithoutTheSignInServiceRoleIs403(OnixRole role) {
    Enrolled user = enrolledUser();
    String subject = role == OnixRole.USER ? user.userId() : "caller-" + role;
    String organization = role.organizationScoped() ? user.organizationId() : null;

    Response rejected =
        http.post("/sign-in/verifications")
            .token(tokens.mint(subject, organization, role))
            .json(Json.of("userId", user.userId(), "method", "TOTP", "code", user.freshCode()))
            .send();

    assertProblem(rejected, 403, "FORBIDDEN");
    assertThat(storedEvents(user.userId())).hasSize(3);
  }

  @Test
  void anAccessCodeWhenNoneWasIssuedIs409NoActiveAccessCode() {
    Enrolled user = enrolledUser();

    Response rejected = redeem(user.userId(), "ABCD-EFGH-JKMN");

    assertThat(remainingAttempts(assertProblem(rejected, 409, "NO_ACTIVE_ACCESS_CODE")))
        .isEqualTo(4);
  }
}
