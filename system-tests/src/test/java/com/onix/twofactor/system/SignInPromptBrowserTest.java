package com.onix.twofactor.system;

import static com.onix.twofactor.system.TwoProcessScenarioTest.register;
import static com.onix.twofactor.system.TwoProcessScenarioTest.setPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * The user's side of the admin guide, in Debian's Chromium against the three packaged processes:
 * the sign-in page pushes a sign-in, the browser opens the prompt, and the prompt sends it back to
 * the demo return page with a result that page has checked.
 */
class SignInPromptBrowserTest {

  private static final Pattern SHOWN_SECRET = Pattern.compile("(?:[A-Z2-7]{4} ){7}[A-Z2-7]{4}");

  @TempDir static Path dataDirectory;

  static OnixInstallation onix;
  static ServiceProcess commands;
  static ServiceProcess queries;
  static ServiceProcess prompt;
  static String signIn;
  static String org;
  static String admin;

  @BeforeAll
  static void startTheServicesAndThePrompt() throws Exception {
    onix = new OnixInstallation(dataDirectory);
    commands = onix.startCommandSide();
    queries = onix.startQuerySide();
    prompt = onix.startPrompt();
    signIn = onix.token("--role", "SIGN_IN_SERVICE", "--sub", "sign-in-page");
    String operator = onix.token("--role", "PLATFORM_OPERATOR");
    org =
        Api.post(commands.uri("/organizations"), operator, "{\"name\":\"Acme\"}")
            .body()
            .get("organizationId")
            .asText();
    admin = onix.token("--role", "ORG_ADMIN", "--org", org, "--sub", "admin-1");
  }

  @AfterAll
  static void stopThem() throws Exception {
    for (ServiceProcess service : new ServiceProcess[] {prompt, queries, commands}) {
      if (service != null) {
        service.close();
      }
    }
  }

  @Test
  void onAPhoneTheUserPastesTheAdminsAccessCodeUnderTryAnotherWayAndIsSignedIn() throws Exception {
    String eve = register(commands, org, admin, "eve@acme.example", "PASSWORD");
    Enrollment.enroll(commands, signIn, eve);
    // Settings > Users & Roles > eve > Get access code > copy the code (the console's clicks are
    // the console's tests; here the admin's request goes straight to the API).
    Api.Answer issued =
        Api.post(
            commands.uri("/organizations/" + org + "/users/" + eve + "/access-codes"), admin, "{}");
    assertThat(issued.status()).isEqualTo(201);
    String code = issued.body().get("code").asText();
    awaitRequirement("eve@acme.example", issued.header("Onix-Aggregate-Version"));
    URI link = pushSignIn("eve@acme.example");

    try (Browser browser = Browser.open(390, 844)) {
      browser.visit(link);
      browser.waitForText("Enter the code from your authenticator app");
      browser.screenshot("prompt-verify-phone");
      browser.press("Try another way");
      browser.waitForText("Paste the temporary access code your admin gave you");
      browser.fill("Paste the temporary access code your admin gave you", code);
      browser.screenshot("prompt-access-code-phone");
      browser.press("Verify");

      browser.waitForText("Signed in: eve@acme.example, second factor: access code");
      assertThat(browser.currentUrl()).startsWith(prompt.uri("/demo/return").toString());
      browser.screenshot("prompt-signed-in-with-access-code-phone");

      browser.visit(link);
      browser.waitForText("This sign-in link has expired or was already used");
      browser.screenshot("prompt-link-used-phone");
    }
  }

  @Test
  void withThePolicyOnANewUserSetsUpTheAppAndWrongCodesLeadToACountedDownLock() throws Exception {
    setPolicy(commands, org, admin, true);
    register(commands, org, admin, "nia@acme.example", "PASSWORD");
    awaitRequirement("nia@acme.example", "SETUP_REQUIRED");

    try (Browser browser = Browser.open()) {
      browser.visit(pushSignIn("nia@acme.example"));
      browser.waitForText("Set up two-factor authentication");
      Matcher shown = SHOWN_SECRET.matcher(browser.text());
      assertThat(shown.find()).as(browser.text()).isTrue();
      String secret = shown.group().replace(" ", "");
      String qr =
          browser
              .driver()
              .findElement(By.xpath("//img[contains(@alt,'QR code')]"))
              .getAttribute("src");
      assertThat(QrCodes.read(qr))
          .startsWith("otpauth://totp/Onix:nia@acme.example?")
          .contains("secret=" + secret);
      assertThat(browser.controls("Try another way")).as("no access code exists").isEmpty();
      browser.screenshot("prompt-setup");
      browser.driver().manage().window().setSize(new Dimension(390, 844));
      browser.screenshot("prompt-setup-phone");
      browser.driver().manage().window().setSize(new Dimension(1280, 900));

      browser.fill("Enter the 6-digit code the app shows", wrongCodeFor(secret));
      browser.press("Verify");
      browser.waitForText("That code didn't match");
      browser.fill(
          "Enter the 6-digit code the app shows", IndependentTotp.codeAt(secret, Instant.now()));
      browser.press("Verify");
      browser.waitForText("Signed in: nia@acme.example, second factor: authenticator app");
      browser.screenshot("prompt-signed-in-after-setup");

      // The next sign-in asks for a code; five wrong ones in a row lock sign-in.
      browser.visit(pushSignIn("nia@acme.example"));
      browser.waitForText("Enter the code from your authenticator app");
      browser.screenshot("prompt-verify");
      for (int tries = 4; tries >= 1; tries--) {
        browser.fill("Enter the code from your authenticator app", wrongCodeFor(secret));
        browser.press("Verify");
        browser.waitForText(
            tries == 1
                ? "You have 1 try left before sign-in is locked for a while."
                : "You have " + tries + " tries left.");
        if (tries == 3) {
          assertThat(browser.controls("Try another way")).as("no access code exists").isEmpty();
          browser.screenshot("prompt-wrong-code");
        }
      }
      browser.fill("Enter the code from your authenticator app", wrongCodeFor(secret));
      browser.press("Verify");
      browser.waitForText("Sign-in is locked for now");
      browser.waitForText("You can try again in 4:");
      browser.screenshot("prompt-locked");
    }
  }

  @Test
  void withCodesByEmailAllowedTheUserHasACodeMailedUnderTryAnotherWayAndSignsInOnceWithIt()
      throws Exception {
    // An organization of its own: allowing codes by email changes what the others' users see.
    String operator = onix.token("--role", "PLATFORM_OPERATOR");
    String globex =
        Api.post(commands.uri("/organizations"), operator, "{\"name\":\"Globex\"}")
            .body()
            .get("organizationId")
            .asText();
    String globexAdmin = onix.token("--role", "ORG_ADMIN", "--org", globex, "--sub", "admin-2");
    String zoe = register(commands, globex, globexAdmin, "zoe@globex.example", "PASSWORD");
    Enrollment.enroll(commands, signIn, zoe);
    Api.Answer allowed =
        Api.put(
            commands.uri("/organizations/" + globex + "/two-factor-policy/email-codes"),
            globexAdmin,
            "{\"allowed\":true}");
    assertThat(allowed.status()).as(allowed.raw().body()).isEqualTo(200);
    awaitMethod("zoe@globex.example", "EMAIL_CODE");

    String code;
    try (Browser browser = Browser.open(390, 844)) {
      browser.visit(pushSignIn("zoe@globex.example"));
      browser.waitForText("Enter the code from your authenticator app");
      browser.press("Try another way");
      browser.waitForText("We'll email an 8-digit code to zoe@globex.example");
      browser.screenshot("prompt-email-code-offer-phone");
      browser.press("Email me a code");
      browser.waitForText("Check your email");
      code = awaitMailedCode("zoe@globex.example");
      browser.fill(
          "Enter the code from the email", "00000000".equals(code) ? "11111111" : "00000000");
      browser.press("Verify");
      browser.waitForText("That code didn't work. Check the newest email from Onix. You have 4");
      browser.fill("Enter the code from the email", code);
      browser.screenshot("prompt-email-code-phone");
      browser.press("Verify");
      browser.waitForText("Signed in: zoe@globex.example, second factor: code by email");
    }

    // The code worked once: the same code again is refused by the API.
    Api.Answer again =
        Api.post(
            commands.uri("/sign-in/verifications"),
            signIn,
            "{\"userId\":\"" + zoe + "\",\"method\":\"EMAIL_CODE\",\"code\":\"" + code + "\"}");
    assertThat(again.status()).as(again.raw().body()).isEqualTo(409);
    assertThat(again.body().get("code").asText()).isEqualTo("NO_ACTIVE_EMAIL_CODE");
  }

  /**
   * The code of the newest mail to {@code email} that the embedded default wrote as a file: what a
   * user reads in their inbox.
   */
  private static String awaitMailedCode(String email) throws Exception {
    Path mail = onix.dataDirectory.resolve("mail");
    Pattern code = Pattern.compile("code is: ([0-9]{8})");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      if (Files.isDirectory(mail)) {
        try (Stream<Path> files = Files.list(mail)) {
          for (Path file :
              files
                  .filter(f -> f.getFileName().toString().endsWith(".eml"))
                  .sorted(Comparator.reverseOrder())
                  .toList()) {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            Matcher found = code.matcher(text);
            if (text.contains(email) && found.find()) {
              return found.group(1);
            }
          }
        }
      }
      assertThat(System.nanoTime()).as("a mail with a code to " + email).isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private static void awaitMethod(String email, String method) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String query =
        "/sign-in/requirements?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8);
    while (true) {
      Api.Answer answer = Api.get(queries.uri(query), signIn);
      if (answer.status() == 200 && answer.body().get("methods").toString().contains(method)) {
        return;
      }
      assertThat(System.nanoTime()).as(method + " offered to " + email).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  /** A six-digit code no authenticator would show for {@code secret} around now. */
  private static String wrongCodeFor(String secret) {
    Instant now = Instant.now();
    Set<String> valid =
        Set.of(
            IndependentTotp.codeAt(secret, now.minusSeconds(30)),
            IndependentTotp.codeAt(secret, now),
            IndependentTotp.codeAt(secret, now.plusSeconds(30)),
            IndependentTotp.codeAt(secret, now.plusSeconds(60)));
    for (String candidate : new String[] {"000000", "111111", "222222", "333333", "444444"}) {
      if (!valid.contains(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("unreachable: four codes cannot cover five candidates");
  }

  /** What the Onix sign-in page does after the password: push, and send the browser there. */
  private static URI pushSignIn(String email) throws Exception {
    Api.Answer pushed =
        Api.post(
            prompt.uri("/prompt-requests"),
            signIn,
            "{\"email\":\""
                + email
                + "\",\"redirect_uri\":\""
                + prompt.uri("/demo/return")
                + "\",\"state\":\"st-"
                + System.nanoTime()
                + "\",\"nonce\":\"n-"
                + System.nanoTime()
                + "\"}");
    assertThat(pushed.status()).as(pushed.raw().body()).isEqualTo(201);
    return URI.create(pushed.body().get("prompt_url").asText());
  }

  /**
   * Waits until the query side answers the sign-in's requirement: {@code expected} is either a
   * {@code twoFactor} value or a command's aggregate version to read after.
   */
  private static void awaitRequirement(String email, String expected) throws Exception {
    boolean version = expected.contains(":");
    String query =
        "/sign-in/requirements?email="
            + URLEncoder.encode(email, StandardCharsets.UTF_8)
            + (version ? "&minVersion=" + URLEncoder.encode(expected, StandardCharsets.UTF_8) : "");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      Api.Answer answer = Api.get(queries.uri(query), signIn);
      if (answer.status() == 200
          && (version || expected.equals(answer.body().get("twoFactor").asText()))) {
        return;
      }
      assertThat(System.nanoTime()).as("requirement of " + email).isLessThan(deadline);
      Thread.sleep(100);
    }
  }
}
