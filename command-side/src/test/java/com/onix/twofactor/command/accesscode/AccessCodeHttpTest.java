package com.onix.twofactor.command.accesscode;

import static com.onix.twofactor.command.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.onix.twofactor.command.testing.Json;
import com.onix.twofactor.command.testing.Response;
import com.onix.twofactor.command.testing.TwoFactorIntegrationTest;
import com.onix.twofactor.kernel.accesscode.AccessCodeRevoked;
import com.onix.twofactor.kernel.accesscode.RevocationReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/** Temporary access codes over HTTP: issue, redeem at sign-in, revoke. */
class AccessCodeHttpTest extends TwoFactorIntegrationTest {

  /** Crockford base32: no I, L, O or U. */
  private static final String CODE =
      "[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}";

  @Autowired
  @Qualifier("eventSerializer")
  private Serializer eventSerializer;

  @Autowired private MongoDatabase database;

  private static String codeOf(Response issued) {
    return issued.json().path("code").asText();
  }

  private static String idOf(Response issued) {
    return issued.json().path("accessCodeId").asText();
  }

  private static void assertExpiresAfter(
      Response issued, Instant before, Instant after, Duration lifetime) {
    assertThat(issued.status()).as("%s", issued).isEqualTo(201);
    Instant expiresAt = Instant.parse(issued.json().path("expiresAt").asText());
    assertThat(expiresAt)
        .isBetween(before.plus(lifetime).minusSeconds(1), after.plus(lifetime).plusSeconds(1));
  }

  @Test
  void issuingIs201WithAnIdAndACrockfordCode() {
    NewUser user = newUser();

    Response issued = issueAccessCode(user.organizationId(), user.userId());

    assertThat(issued.status()).as("%s", issued).isEqualTo(201);
    String accessCodeId = idOf(issued);
    assertThat(UUID.fromString(accessCodeId).toString()).isEqualTo(accessCodeId);
    assertThat(codeOf(issued)).matches(CODE);
    assertThat(issued.header("Onix-Aggregate-Version")).isEqualTo(user.userId() + ":1");
  }

  @Test
  void withoutALifetimeTheCodeExpiresInSixtyMinutes() {
    NewUser user = newUser();
    Instant before = Instant.now();

    Response issued = issueAccessCode(user.organizationId(), user.userId());

    assertExpiresAfter(issued, before, Instant.now(), Duration.ofMinutes(60));
  }

  @Test
  void withAnEmptyBodyTheCodeExpiresInSixtyMinutes() {
    NewUser user = newUser();
    Instant before = Instant.now();

    Response issued = issueAccessCode(user.organizationId(), user.userId(), "{}");

    assertExpiresAfter(issued, before, Instant.now(), Duration.ofMinutes(60));
  }

  @ParameterizedTest
  @ValueSource(longs = {10, 90, 43200})
  void aGivenLifetimeWithinBoundsIs201ExpiringThen(long minutes) {
    NewUser user = newUser();
    Instant before = Instant.now();

    Response issued =
        issueAccessCode(user.organizationId(), user.userId(), Json.of("lifetimeMinutes", minutes));

    assertExpiresAfter(issued, before, Instant.now(), Duration.ofMinutes(minutes));
  }

  @Test
  void theIssueResponseIsNotStoredByCaches() {
    NewUser user = newUser();

    assertThat(issuedAccessCode(user.organizationId(), user.userId()).header("Cache-Control"))
        .contains("no-store");
  }

  @ParameterizedTest
  @ValueSource(longs = {9, 43201, 0, -10})
  void aLifetimeOutOfBoundsIs400InvalidLifetime(long minutes) {
    NewUser user = newUser();

    Response issued =
        issueAccessCode(user.organizationId(), user.userId(), Json.of("lifetimeMinutes", minutes));

    assertProblem(issued, 400, "INVALID_LIFETIME");
    assertThat(storedEvents(user.userId())).hasSize(1);
  }

  /** Minutes that overflow a Duration in seconds are still just out of bounds, never a 500. */
  @ParameterizedTest
  @ValueSource(longs = {Long.MAX_VALUE, Long.MIN_VALUE, 153_722_867_280_912_931L})
  void aLifetimeTooLargeForADurationIs400InvalidLifetime(long minutes) {
    NewUser user = newUser();

    Response issued =
        issueAccessCode(user.organizationId(), user.userId(), Json.of("lifetimeMinutes", minutes));

    assertProblem(issued, 400, "INVALID_LIFETIME");
    assertThat(storedEvents(user.userId())).hasSize(1);
  }

  @Test
  void aLifetimeOfTheWrongTypeIs400ValidationFailed() {
    NewUser user = newUser();

    Response issued =
        issueAccessCode(user.organizationId(), user.userId(), Json.of("lifetimeMinutes", "x"));

    JsonNode problem = assertProblem(issued, 400, "VALIDATION_FAILED");
    assertThat(problem.path("errors").toString()).contains("lifetimeMinutes");
  }

  @Test
  void anEntraIdUserIs409TwoFactorExempt() {
    String organizationId = registerOrganization();
    String userId = registerEntraIdUser(organizationId);

    assertProblem(issueAccessCode(organizationId, userId), 409, "TWO_FACTOR_EXEMPT");
    assertThat(storedEvents(userId)).hasSize(1);
  }

  @Test
  void anAdminOfAnotherOrganizationIs403() {
    NewUser user = newUser();
    String otherOrganizationId = registerOrganization();

    Response issued =
        http.post(accessCodesPath(user.organizationId(), user.userId()))
            .token(tokens.orgAdmin(otherOrganizationId))
            .send();

    assertProblem(issued, 403, "FORBIDDEN");
    assertThat(storedEvents(user.userId())).hasSize(1);
  }

  @Test
  void aUserOfAnotherOrganizationIs404UnknownUserForThisOrganizationsAdmin() {
    String organizationId = registerOrganization();
    NewUser otherUser = newUser();

    assertProblem(issueAccessCode(organizationId, otherUser.userId()), 404, "UNKNOWN_USER");
    assertThat(storedEvents(otherUser.userId())).hasSize(1);
  }

  @Test
  void theCodeTypedInLowerCaseWithoutDashesSignsIn() {
    NewUser user = newUser();
    String code = codeOf(issuedAccessCode(user.organizationId(), user.userId()));

    Response verified = redeem(user.userId(), code.replace("-", "").toLowerCase(Locale.ROOT));

    assertThat(verified.status()).as("%s", verified).isEqualTo(200);
    assertThat(verified.json().toString())
        .isEqualTo("{\"verified\":true,\"method\":\"ACCESS_CODE\"}");
  }

  @Test
  void aRedeemedCodeIs409NoActiveAccessCodeTheSecondTime() {
    NewUser user = newUser();
    String code = codeOf(issuedAccessCode(user.organizationId(), user.userId()));
    assertThat(redeem(user.userId(), code).status()).isEqualTo(200);

    assertProblem(redeem(user.userId(), code), 409, "NO_ACTIVE_ACCESS_CODE");
  }

  @Test
  void aWrongCodeWhileOneIsActiveIs422InvalidCodeWithFourAttemptsLeft() {
    NewUser user = newUser();
    String code = codeOf(issuedAccessCode(user.organizationId(), user.userId()));
    String wrong = code.startsWith("0") ? "1" + code.substring(1) : "0" + code.substring(1);

    Response rejected = redeem(user.userId(), wrong);

    JsonNode problem = assertProblem(rejected, 422, "INVALID_CODE");
    assertThat(problem.path("remainingAttempts").asInt(-1)).isEqualTo(4);
  }

  @Test
  void wrongAccessCodesLockVerificationLikeWrongTotpCodes() {
    NewUser user = newUser();
    String code = codeOf(issuedAccessCode(user.organizationId(), user.userId()));
    String wrong = code.startsWith("0") ? "1" + code.substring(1) : "0" + code.substring(1);
    List<Integer> remaining = new ArrayList<>();
    for (int failure = 1; failure <= 4; failure++) {
      JsonNode problem = assertProblem(redeem(user.userId(), wrong), 422, "INVALID_CODE");
      remaining.add(problem.path("remainingAttempts").asInt(-1));
    }

    Response fifth = redeem(user.userId(), wrong);
    Response withTheRightCode = redeem(user.userId(), code);

    assertThat(remaining).containsExactly(4, 3, 2, 1);
    assertProblem(fifth, 423, "LOCKED");
    assertProblem(withTheRightCode, 423, "LOCKED");
  }

  @Test
  void issuingAgainSupersedesTheFirstCode() {
    NewUser user = newUser();
    String first = codeOf(issuedAccessCode(user.organizationId(), user.userId()));
    String second = codeOf(issuedAccessCode(user.organizationId(), user.userId()));

    Response withFirst = redeem(user.userId(), first);
    Response withSecond = redeem(user.userId(), second);

    assertProblem(withFirst, 422, "INVALID_CODE");
    assertThat(withSecond.status()).as("%s", withSecond).isEqualTo(200);
  }

  @Test
  void revokingIs204AndTheCodeNoLongerSignsIn() {
    NewUser user = newUser();
    Response issued = issuedAccessCode(user.organizationId(), user.userId());

    Response revoked = revokeAccessCode(user.organizationId(), user.userId(), idOf(issued));

    assertThat(revoked.status()).as("%s", revoked).isEqualTo(204);
    assertProblem(redeem(user.userId(), codeOf(issued)), 409, "NO_ACTIVE_ACCESS_CODE");
  }

  @Test
  void revokingTwiceIs404UnknownAccessCode() {
    NewUser user = newUser();
    String accessCodeId = idOf(issuedAccessCode(user.organizationId(), user.userId()));
    assertThat(revokeAccessCode(user.organizationId(), user.userId(), accessCodeId).status())
        .isEqualTo(204);

    Response again = revokeAccessCode(user.organizationId(), user.userId(), accessCodeId);

    assertProblem(again, 404, "UNKNOWN_ACCESS_CODE");
  }

  @Test
  void revokingAnIdThatIsNotTheUsersCodeIs404UnknownAccessCode() {
    NewUser user = newUser();
    issuedAccessCode(user.organizationId(), user.userId());

    Response revoked =
        revokeAccessCode(user.organizationId(), user.userId(), UUID.randomUUID().toString());

    assertProblem(revoked, 404, "UNKNOWN_ACCESS_CODE");
  }

  @Test
  void aLockedOutUserSignsInAtOnceWithAnIssuedCode() {
    Enrolled user = enrolledUser();
    lockOut(user);
    assertProblem(verifyTotp(user.userId(), user.freshCode()), 423, "LOCKED");

    String code = codeOf(issuedAccessCode(user.organizationId(), user.userId()));
    Response verified = redeem(user.userId(), code);

    assertThat(verified.status()).as("%s", verified).isEqualTo(200);
    assertThat(verified.json().path("method").asText()).isEqualTo("ACCESS_CODE");
  }

  @Test
  void issuingACodeClearsTheFailureCount() {
    Enrolled user = enrolledUser();
    for (int failure = 1; failure <= 3; failure++) {
      assertThat(verifyTotp(user.userId(), user.wrongCode()).status()).isEqualTo(422);
    }
    issuedAccessCode(user.organizationId(), user.userId());

    Response rejected = verifyTotp(user.userId(), user.wrongCode());

    assertThat(assertProblem(rejected, 422, "INVALID_CODE").path("remainingAttempts").asInt(-1))
        .isEqualTo(4);
  }

  @Test
  void aResetRevokesTheActiveCode() {
    NewUser user = newUser();
    String code = codeOf(issuedAccessCode(user.organizationId(), user.userId()));

    Response reset = reset(user.organizationId(), user.userId());

    assertThat(reset.status()).as("%s", reset).isEqualTo(200);
    assertProblem(redeem(user.userId(), code), 409, "NO_ACTIVE_ACCESS_CODE");
  }

  /** Supersede, revoke by the admin, redeem and reset, collecting every code shown. */
  private List<String> codesOfAFullHistory(NewUser user) {
    List<String> codes = new ArrayList<>();
    codes.add(codeOf(issuedAccessCode(user.organizationId(), user.userId())));
    Response second = issuedAccessCode(user.organizationId(), user.userId());
    codes.add(codeOf(second));
    assertThat(revokeAccessCode(user.organizationId(), user.userId(), idOf(second)).status())
        .isEqualTo(204);
    String third = codeOf(issuedAccessCode(user.organizationId(), user.userId()));
    codes.add(third);
    assertThat(redeem(user.userId(), third).status()).isEqualTo(200);
    codes.add(codeOf(issuedAccessCode(user.organizationId(), user.userId())));
    assertThat(reset(user.organizationId(), user.userId()).status()).isEqualTo(200);
    return codes;
  }

  @Test
  void revocationsRecordSupersededAdminAndResetAsTheirReasons() {
    NewUser user = newUser();
    codesOfAFullHistory(user);

    List<RevocationReason> reasons =
        storedPayloads(user.userId()).stream()
            .filter(AccessCodeRevoked.class::isInstance)
            .map(AccessCodeRevoked.class::cast)
            .map(AccessCodeRevoked::reason)
            .toList();

    assertThat(reasons)
        .containsExactly(
            RevocationReason.SUPERSEDED, RevocationReason.ADMIN, RevocationReason.RESET);
  }

  @Test
  void noStoredEventHoldsAPlaintextCode() {
    NewUser user = newUser();
    List<String> codes = codesOfAFullHistory(user);
    List<String> forms = new ArrayList<>();
    for (String code : codes) {
      forms.add(code);
      forms.add(code.replace("-", ""));
    }
    List<Object> payloads = storedPayloads(user.userId());
    assertThat(payloads).hasSizeGreaterThan(8);

    for (Object payload : payloads) {
      assertThat(payload.toString()).as("toString").doesNotContain(forms);
      assertThat(eventSerializer.serialize(payload, String.class).getData())
          .as("serialized %s", payload.getClass().getSimpleName())
          .doesNotContain(forms);
    }
  }

  @Test
  void noDocumentInTheStoreHoldsAPlaintextCode() {
    NewUser user = newUser();
    List<String> codes = codesOfAFullHistory(user);
    List<String> forms = new ArrayList<>();
    for (String code : codes) {
      forms.add(code);
      forms.add(code.replace("-", ""));
    }
    int userDocuments = 0;

    for (String collection : database.listCollectionNames()) {
      for (Document document : database.getCollection(collection).find()) {
        String json = document.toJson();
        assertThat(json).as("a document in %s", collection).doesNotContain(forms);
        if (json.contains(user.userId())) {
          userDocuments++;
        }
      }
    }
    assertThat(userDocuments).as("documents naming the user").isGreaterThan(8);
  }
}
