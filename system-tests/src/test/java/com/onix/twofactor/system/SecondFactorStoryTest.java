package com.onix.twofactor.system;

import static com.onix.twofactor.system.TwoProcessScenarioTest.register;
import static com.onix.twofactor.system.TwoProcessScenarioTest.requirement;
import static com.onix.twofactor.system.TwoProcessScenarioTest.setPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin guide's 2FA story against both services as processes, with codes from an independent
 * TOTP implementation, and afterwards a search of everything stored, logged and answered for the
 * secret.
 */
class SecondFactorStoryTest {

  @TempDir Path dataDirectory;

  @Test
  void enrollVerifyReplayResetWithThePolicyOnAndOffAndTheSecretIsNowhereElse() throws Exception {
    OnixInstallation onix = new OnixInstallation(dataDirectory);
    String operator = onix.token("--role", "PLATFORM_OPERATOR");
    String signIn = onix.token("--role", "SIGN_IN_SERVICE", "--sub", "sign-in-page");
    List<String> secrets = new ArrayList<>();
    List<String> setupResponses = new ArrayList<>();
    Api.SEEN.clear();
    try (ServiceProcess commands = onix.startCommandSide();
        ServiceProcess queries = onix.startQuerySide()) {
      String org =
          Api.post(commands.uri("/organizations"), operator, "{\"name\":\"Acme\"}")
              .body()
              .get("organizationId")
              .asText();
      String admin = onix.token("--role", "ORG_ADMIN", "--org", org, "--sub", "admin-1");

      // Policy on: Ann must set up, does so, and signs in with a fresh code.
      String ann = register(commands, org, admin, "ann@acme.example", "PASSWORD");
      String on = setPolicy(commands, org, admin, true);
      assertThat(requirement(queries, signIn, "ann@acme.example", on)).isEqualTo("SETUP_REQUIRED");

      String annSecret = enroll(commands, signIn, ann, "ann@acme.example", setupResponses);
      secrets.add(annSecret);
      assertThat(requirement(queries, signIn, "ann@acme.example", ann + ":2"))
          .isEqualTo("VERIFICATION_REQUIRED");

      String fresh = IndependentTotp.codeAt(annSecret, Instant.now().plus(Duration.ofSeconds(30)));
      Api.Answer verified = verify(commands, signIn, ann, fresh);
      assertThat(verified.status()).as(verified.raw().body()).isEqualTo(200);
      assertThat(verified.body().get("verified").asBoolean()).isTrue();

      Api.Answer replayed = verify(commands, signIn, ann, fresh);
      assertThat(replayed.status()).isEqualTo(422);
      assertThat(replayed.body().get("code").asText()).isEqualTo("INVALID_CODE");
      assertThat(replayed.body().get("remainingAttempts").asInt()).isEqualTo(4);

      Api.Answer reset =
          Api.post(
              commands.uri("/organizations/" + org + "/users/" + ann + "/two-factor/reset"),
              admin,
              "{\"reason\":\"lost phone\"}");
      assertThat(reset.status()).isEqualTo(200);
      assertThat(
              requirement(
                  queries, signIn, "ann@acme.example", reset.header("Onix-Aggregate-Version")))
          .isEqualTo("SETUP_REQUIRED");
      assertThat(
              verify(commands, signIn, ann, IndependentTotp.codeAt(annSecret, Instant.now()))
                  .status())
          .isEqualTo(409);

      // Policy off: an enrolled user is still asked for a code until an admin resets them.
      String bob = register(commands, org, admin, "bob@acme.example", "PASSWORD");
      secrets.add(enroll(commands, signIn, bob, "bob@acme.example", setupResponses));
      String off = setPolicy(commands, org, admin, false);
      assertThat(requirement(queries, signIn, "bob@acme.example", off))
          .isEqualTo("VERIFICATION_REQUIRED");
      Api.Answer bobReset =
          Api.post(
              commands.uri("/organizations/" + org + "/users/" + bob + "/two-factor/reset"),
              admin,
              "");
      assertThat(bobReset.status()).isEqualTo(200);
      assertThat(
              requirement(
                  queries, signIn, "bob@acme.example", bobReset.header("Onix-Aggregate-Version")))
          .isEqualTo("NOT_REQUIRED");

      String auditor = onix.token("--role", "AUDITOR", "--org", org);
      Api.Answer audit =
          Api.get(
              queries.uri(
                  "/organizations/"
                      + org
                      + "/audit-events?limit=1000&minVersion="
                      + bobReset.header("Onix-Aggregate-Version")),
              auditor);
      List<String> types = new ArrayList<>();
      audit.body().get("events").forEach(event -> types.add(event.get("type").asText()));
      assertThat(types)
          .contains(
              "TwoFactorSetupStarted",
              "TwoFactorSetupCompleted",
              "SecondFactorVerified",
              "SecondFactorRejected",
              "TwoFactorReset");
    }

    List<String> answers = new ArrayList<>(Api.SEEN);
    answers.removeIf(answer -> setupResponses.stream().anyMatch(answer::equals));
    for (String secret : secrets) {
      for (String form : formsOf(secret)) {
        assertThat(answers).noneMatch(answer -> answer.contains(form));
        assertThat(filesContaining(form.getBytes(StandardCharsets.US_ASCII))).isEmpty();
      }
      assertThat(filesContaining(new Base32().decode(secret))).isEmpty();
    }
  }

  private static String enroll(
      ServiceProcess commands, String token, String userId, String email, List<String> setups)
      throws Exception {
    Api.Answer setup = Api.post(commands.uri("/users/" + userId + "/two-factor/setup"), token, "");
    assertThat(setup.status()).as(setup.raw().body()).isEqualTo(201);
    setups.add(lastSeen());
    assertThat(setup.header("Cache-Control")).contains("no-store");
    JsonNode body = setup.body();
    String secret = body.get("secret").asText();
    assertThat(new Base32().decode(secret)).hasSize(20);
    String uri = body.get("otpauthUri").asText();
    assertThat(uri)
        .isEqualTo(
            "otpauth://totp/Onix:"
                + email
                + "?secret="
                + secret
                + "&issuer=Onix&algorithm=SHA1&digits=6&period=30");
    assertThat(QrCodes.read(body.get("qrCodePng").asText())).isEqualTo(uri);

    Api.Answer wrong =
        Api.post(
            commands.uri("/users/" + userId + "/two-factor/setup/confirm"),
            token,
            "{\"code\":\"" + wrongCode(secret) + "\"}");
    assertThat(wrong.status()).isEqualTo(422);
    Api.Answer confirmed =
        Api.post(
            commands.uri("/users/" + userId + "/two-factor/setup/confirm"),
            token,
            "{\"code\":\"" + IndependentTotp.codeAt(secret, Instant.now()) + "\"}");
    assertThat(confirmed.status()).as(confirmed.raw().body()).isEqualTo(200);
    assertThat(confirmed.body().get("status").asText()).isEqualTo("ACTIVE");
    return secret;
  }

  /** A code that is none of the three the window accepts now. */
  private static String wrongCode(String secret) {
    Instant now = Instant.now();
    List<String> valid = new ArrayList<>();
    for (int step = -2; step <= 2; step++) {
      valid.add(IndependentTotp.codeAt(secret, now.plusSeconds(30L * step)));
    }
    for (int candidate = 0; ; candidate++) {
      String code = String.format("%06d", candidate);
      if (!valid.contains(code)) {
        return code;
      }
    }
  }

  private static Api.Answer verify(
      ServiceProcess commands, String token, String userId, String code) throws Exception {
    return Api.post(
        commands.uri("/sign-in/verifications"),
        token,
        "{\"userId\":\"" + userId + "\",\"method\":\"TOTP\",\"code\":\"" + code + "\"}");
  }

  private static String lastSeen() {
    String last = null;
    for (String answer : Api.SEEN) {
      last = answer;
    }
    return last;
  }

  private static List<String> formsOf(String base32) {
    byte[] raw = new Base32().decode(base32);
    return List.of(
        base32,
        base32.toLowerCase(),
        Base64.getEncoder().encodeToString(raw),
        HexFormat.of().formatHex(raw));
  }

  private List<Path> filesContaining(byte[] needle) throws IOException {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dataDirectory)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (indexOf(Files.readAllBytes(file), needle) >= 0) {
          found.add(file);
        }
      }
    }
    return found;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
