package com.onix.twofactor.system;

import static com.onix.twofactor.system.TwoProcessScenarioTest.register;
import static com.onix.twofactor.system.TwoProcessScenarioTest.setPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin guide's first story: an enrolled user lost their phone; the admin gets an access code
 * and shares it; the user pastes it under "Try another way" and is in, once. Afterwards neither the
 * code nor its keyed hash is anywhere but in the one response that showed it.
 */
class AccessCodeStoryTest {

  @TempDir Path dataDirectory;

  @Test
  void aLostPhoneIsBridgedByAnAccessCodeThatWorksOnceAndIsStoredOnlyAsAHash() throws Exception {
    OnixInstallation onix = new OnixInstallation(dataDirectory);
    String operator = onix.token("--role", "PLATFORM_OPERATOR");
    String signIn = onix.token("--role", "SIGN_IN_SERVICE");
    Api.SEEN.clear();
    String code;
    String issueResponse;
    String storeOutsideTheEventStore;
    try (ServiceProcess commands = onix.startCommandSide();
        ServiceProcess queries = onix.startQuerySide()) {
      String org =
          Api.post(commands.uri("/organizations"), operator, "{\"name\":\"Acme\"}")
              .body()
              .get("organizationId")
              .asText();
      String admin = onix.token("--role", "ORG_ADMIN", "--org", org, "--sub", "admin-7");
      setPolicy(commands, org, admin, true);
      String eve = register(commands, org, admin, "eve@acme.example", "PASSWORD");
      Enrollment.enroll(commands, signIn, eve);

      // The phone is gone: the admin selects Get access code.
      Api.Answer issued =
          Api.post(
              commands.uri("/organizations/" + org + "/users/" + eve + "/access-codes"),
              admin,
              "{\"lifetimeMinutes\":30}");
      assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
      issueResponse = lastSeen();
      code = issued.body().get("code").asText();
      assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
      assertThat(Instant.parse(issued.body().get("expiresAt").asText()))
          .isAfter(Instant.now().plusSeconds(29 * 60));
      String afterIssue = issued.header("Onix-Aggregate-Version");

      JsonNode requirements = requirements(queries, signIn, "eve@acme.example", afterIssue);
      assertThat(requirements.get("twoFactor").asText()).isEqualTo("VERIFICATION_REQUIRED");
      assertThat(requirements.get("methods").toString()).isEqualTo("[\"TOTP\",\"ACCESS_CODE\"]");
      JsonNode adminView =
          Api.get(
                  queries.uri(
                      "/organizations/" + org + "/users/" + eve + "?minVersion=" + afterIssue),
                  admin)
              .body();
      assertThat(adminView.get("accessCode").get("accessCodeId").asText())
          .isEqualTo(issued.body().get("accessCodeId").asText());

      // The user pastes it, in lower case and without dashes.
      String pasted = code.toLowerCase().replace("-", "");
      Api.Answer verified = verify(commands, signIn, eve, pasted);
      assertThat(verified.status()).as(verified.raw().body()).isEqualTo(200);
      assertThat(verified.body().get("method").asText()).isEqualTo("ACCESS_CODE");

      Api.Answer again = verify(commands, signIn, eve, code);
      assertThat(again.status()).isEqualTo(409);
      assertThat(again.body().get("code").asText()).isEqualTo("NO_ACTIVE_ACCESS_CODE");
      assertThat(
              requirements(
                      queries, signIn, "eve@acme.example", again.header("Onix-Aggregate-Version"))
                  .get("methods")
                  .toString())
          .isEqualTo("[\"TOTP\"]");

      JsonNode audit =
          Api.get(
                  queries.uri(
                      "/organizations/"
                          + org
                          + "/audit-events?userId="
                          + eve
                          + "&minVersion="
                          + again.header("Onix-Aggregate-Version")),
                  onix.token("--role", "AUDITOR", "--org", org))
              .body();
      List<String> steps = new ArrayList<>();
      audit
          .get("events")
          .forEach(
              event ->
                  steps.add(
                      event.get("type").asText() + " by " + event.get("actor").get("id").asText()));
      assertThat(steps)
          .contains("AccessCodeIssued by admin-7", "AccessCodeRedeemed by " + "local-developer");
      storeOutsideTheEventStore = everythingButTheEventStore(onix.storeUri());
    }

    String normal = code.replace("-", "");
    String hash = keyedHash(normal);
    List<String> answers = new ArrayList<>(Api.SEEN);
    answers.remove(issueResponse);
    for (String needle : List.of(code, normal)) {
      assertThat(answers).noneMatch(answer -> answer.contains(needle));
      assertThat(filesContaining(needle)).isEmpty();
    }
    // The keyed hash lives in the AccessCodeIssued event and nowhere else.
    assertThat(answers).noneMatch(answer -> answer.contains(hash));
    assertThat(storeOutsideTheEventStore).doesNotContain(hash).contains("view_users");
    assertThat(Files.readString(dataDirectory.resolve("logs/command-side.log")))
        .doesNotContain(hash);
    assertThat(Files.readString(dataDirectory.resolve("logs/query-side.log"))).doesNotContain(hash);
  }

  /** Every document of every collection but the event store's, as text. */
  private static String everythingButTheEventStore(String storeUri) {
    StringBuilder all = new StringBuilder();
    try (MongoClient client = MongoClients.create(storeUri)) {
      MongoDatabase database = client.getDatabase("onix");
      for (String name : database.listCollectionNames()) {
        if (name.equals("event_commits") || name.equals("event_snapshots")) {
          continue;
        }
        all.append(name).append(':');
        for (Document document : database.getCollection(name).find()) {
          all.append(document.toJson()).append('\n');
        }
      }
    }
    return all.toString();
  }

  /**
   * What the service stores of a code, computed here from the master key to look for it: HMAC under
   * the pepper HKDF-SHA256 (RFC 5869, no salt) derives from the master key.
   */
  private String keyedHash(String normalizedCode) throws Exception {
    byte[] master =
        Base64.getDecoder().decode(Files.readString(dataDirectory.resolve("master.key")).strip());
    byte[] pseudoRandomKey = hmac(new byte[32], master);
    byte[] info = "onix/code-pepper/v2\u0001".getBytes(StandardCharsets.US_ASCII);
    byte[] pepper = hmac(pseudoRandomKey, info);
    return "v2:"
        + Base64.getEncoder()
            .encodeToString(hmac(pepper, normalizedCode.getBytes(StandardCharsets.US_ASCII)));
  }

  private static byte[] hmac(byte[] key, byte[] data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data);
  }

  private static Api.Answer verify(
      ServiceProcess commands, String token, String userId, String code) throws Exception {
    return Api.post(
        commands.uri("/sign-in/verifications"),
        token,
        "{\"userId\":\"" + userId + "\",\"method\":\"ACCESS_CODE\",\"code\":\"" + code + "\"}");
  }

  private static JsonNode requirements(
      ServiceProcess queries, String token, String email, String minVersion) throws Exception {
    Api.Answer answer =
        Api.get(
            queries.uri(
                "/sign-in/requirements?email="
                    + URLEncoder.encode(email, StandardCharsets.UTF_8)
                    + "&minVersion="
                    + minVersion),
            token);
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
    return answer.body();
  }

  private static String lastSeen() {
    String last = null;
    for (String answer : Api.SEEN) {
      last = answer;
    }
    return last;
  }

  private List<Path> filesContaining(String needle) throws Exception {
    byte[] bytes = needle.getBytes(StandardCharsets.US_ASCII);
    List<Path> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dataDirectory)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] content = Files.readAllBytes(file);
        if (new String(content, StandardCharsets.ISO_8859_1)
            .contains(new String(bytes, StandardCharsets.ISO_8859_1))) {
          found.add(file);
        }
      }
    }
    return found;
  }
}
