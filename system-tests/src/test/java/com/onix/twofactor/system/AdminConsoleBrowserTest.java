package com.onix.twofactor.system;

import static com.onix.twofactor.system.TwoProcessScenarioTest.register;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin guide's stories, word for word, in Debian's Chromium against the four packaged
 * processes: an admin signs in to the console with {@code ./onix console-link}, gets an access code
 * and copies it, the user pastes it in the sign-in prompt under Try another way; the admin resets
 * 2FA and turns the policy on, and a new user sets up an authenticator; an auditor reads it all in
 * the audit log and has no button that changes anything. The stories build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminConsoleBrowserTest {

  static final Path DOCS_SCREENSHOTS = Path.of("..", "docs", "screenshots");
  private static final Pattern SHOWN_SECRET = Pattern.compile("(?:[A-Z2-7]{4} ){7}[A-Z2-7]{4}");
  private static final String VIEWER_ZONE = "Europe/Berlin";

  @TempDir static Path dataDirectory;

  static OnixInstallation onix;
  static ServiceProcess commands;
  static ServiceProcess queries;
  static ServiceProcess prompt;
  static ServiceProcess console;
  static String signIn;
  static String org;
  static String admin;
  static String ann;

  @BeforeAll
  static void startEverythingAndRegisterAcme() throws Exception {
    onix = new OnixInstallation(dataDirectory);
    commands = onix.startCommandSide();
    queries = onix.startQuerySide();
    prompt = onix.startPrompt();
    console = onix.startConsole();
    signIn = onix.token("--role", "SIGN_IN_SERVICE", "--sub", "sign-in-page");
    String operator = onix.token("--role", "PLATFORM_OPERATOR");
    org =
        Api.post(commands.uri("/organizations"), operator, "{\"name\":\"Acme\"}")
            .body()
            .get("organizationId")
            .asText();
    admin = onix.token("--role", "ORG_ADMIN", "--org", org, "--sub", "admin-1");
    ann = registerNamed("ann@acme.example", "Ann Example", "PASSWORD");
    Enrollment.enroll(commands, signIn, ann);
    registerNamed("ben@acme.example", "Ben", "ENTRA_ID");
    // A display name meant to mislead: a right-to-left override makes "Eve exe.txt" read as a
    // text file. The console shows the override instead of obeying it.
    registerNamed("eve@acme.example", "Eve \u202Etxt.exe", "PASSWORD");
  }

  @AfterAll
  static void stopThem() throws Exception {
    for (ServiceProcess service : new ServiceProcess[] {console, prompt, queries, commands}) {
      if (service != null) {
        service.close();
      }
    }
  }

  @Test
  @Order(1)
  void theAdminGetsAnAccessCodeCopiesItAndTheUserPastesItUnderTryAnotherWayAndIsSignedIn()
      throws Exception {
    try (Browser browser = Browser.open(1280, 900, VIEWER_ZONE)) {
      // In Onix Work, go to Settings > Users & Roles.
      browser.visit(consoleLink("ORG_ADMIN", "admin-1"));
      browser.waitForText("Times are shown in " + VIEWER_ZONE);
      browser.waitForText("ann@acme.example");
      assertThat(browser.text())
          .contains("Users & Roles", "Security & identity", "Audit log")
          .contains("Set up", "Exempt (Microsoft Entra ID)", "Not set up")
          .contains("Eve [U+202E]txt.exe")
          .doesNotContain("\u202E");
      shoot(browser, "console-users");

      // Select the user account that needs help > Select Get access code.
      browser.press("ann@acme.example");
      browser.waitForText("Get a temporary access code");
      assertThat(browser.text()).contains("Set up", "Enrolled since", "Last verified");
      shoot(browser, "console-user");
      browser.driver().findElement(By.id("lifetime")).sendKeys("4 hours");
      browser.press("Get access code");
      browser.waitForText("Temporary access code");
      String code = browser.driver().findElement(By.id("access-code")).getText();
      assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
      assertThat(browser.text()).contains("This is the only time the code is shown");
      // Copy the code shown and share it with the user.
      browser.press("Copy");
      browser.waitForText("Copied");
      shoot(browser, "console-access-code");
      String consoleTab = browser.driver().getWindowHandle();

      // The user: open the Onix sign-in page (it has checked email and password) > Try another
      // way > paste the temporary access code > Verify.
      awaitAccessCodeOffered("ann@acme.example");
      browser.driver().switchTo().newWindow(WindowType.TAB);
      browser.visit(pushSignIn("ann@acme.example"));
      browser.waitForText("Enter the code from your authenticator app");
      browser.press("Try another way");
      WebElement field = browser.field("Paste the temporary access code your admin gave you");
      field.click();
      field.sendKeys(Keys.chord(Keys.CONTROL, "v"));
      assertThat(field.getAttribute("value")).isEqualTo(code);
      browser.press("Verify");
      browser.waitForText("Signed in: ann@acme.example, second factor: access code");

      // Back in the console, the code is spent and the user's history says so.
      browser.driver().switchTo().window(consoleTab);
      browser.visit(console.uri("/users/" + ann));
      browser.waitForText("ann@acme.example signed in with an access code");
      assertThat(browser.text())
          .contains("admin-1 issued an access code to ann@acme.example, valid until")
          .doesNotContain(code);
      assertThat(activeAccessCode(browser)).isEqualTo("None");
    }
  }

  @Test
  @Order(2)
  void theAdminResetsTwoFactorAuthenticationAndIsToldWhatHappensNext() throws Exception {
    try (Browser browser = Browser.open(1280, 900, VIEWER_ZONE)) {
      // Go to Settings > Users & Roles > select the user account > Reset two-factor authentication.
      browser.visit(consoleLink("ORG_ADMIN", "admin-1"));
      browser.waitForText("Times are shown in " + VIEWER_ZONE);
      browser.press("ann@acme.example");
      browser.press("Reset two-factor authentication");
      browser.waitForText("Reset two-factor authentication?");
      browser.fill("Reason (optional, recorded in the audit log)", "lost phone");
      shoot(browser, "console-reset-confirm");
      browser.press("Reset two-factor authentication");

      browser.waitForText("Two-factor authentication was reset");
      assertThat(browser.text())
          .contains("The user can sign in using only their email and password.")
          .contains("Not set up")
          .contains(
              "admin-1 reset two-factor authentication for ann@acme.example (reason: \u201clost phone\u201d)");
      shoot(browser, "console-reset-done");
    }
    assertThat(TwoProcessScenarioTest.requirement(queries, signIn, "ann@acme.example", null))
        .isEqualTo("NOT_REQUIRED");
  }

  private static List<String> settingStates(Browser browser) {
    return browser.driver().findElements(By.cssSelector(".setting .state")).stream()
        .map(WebElement::getText)
        .toList();
  }

  @Test
  @Order(3)
  void theAdminRequiresTwoFactorAuthenticationAndANewUserSetsUpWithTheSecretShown()
      throws Exception {
    try (Browser browser = Browser.open(1280, 900, VIEWER_ZONE)) {
      // Go to Settings > Users & Roles > Security & identity > Edit > Enable the Require
      // two-factor authentication setting.
      browser.visit(consoleLink("ORG_ADMIN", "admin-1"));
      browser.waitForText("Times are shown in " + VIEWER_ZONE);
      browser.press("Security & identity");
      browser.waitForText("Require two-factor authentication");
      assertThat(browser.driver().findElement(By.cssSelector(".setting .state")).getText())
          .isEqualTo("Off");
      browser.press("Edit");
      WebElement setting = browser.field("Require two-factor authentication");
      assertThat(setting.isSelected()).isFalse();
      setting.click();
      // Before saving: ann and eve have no authenticator; ben signs in with Entra ID.
      browser.waitForText(
          "2 users will have to set up 2FA at their next sign-in; 1 Entra ID user is not affected.");
      shoot(browser, "console-policy-edit");
      browser.press("Save");
      browser.waitForText("Saved. Two-factor authentication is now required");
      assertThat(browser.driver().findElement(By.cssSelector(".setting .state")).getText())
          .isEqualTo("On");
      shoot(browser, "console-policy-on");

      // Turning it off again would keep enrolled users asked for a code: the preview says so.
      browser.press("Edit");
      browser.field("Require two-factor authentication").click();
      browser.waitForText("already set up 2FA will still be asked for a code at each sign-in");
      browser.press("Cancel");

      // Allow codes by email, and stop them again: each is saved alone, the policy stays on.
      browser.press("Edit");
      WebElement emailCodes = browser.field("Allow codes by email");
      assertThat(emailCodes.isSelected()).isFalse();
      emailCodes.click();
      browser.press("Save");
      browser.waitForText("can now also have a sign-in code emailed to them");
      assertThat(settingStates(browser)).containsExactly("On", "Allowed");
      browser.press("Edit");
      browser.field("Allow codes by email").click();
      browser.press("Save");
      browser.waitForText("Sign-in codes by email are no longer offered.");
      assertThat(settingStates(browser)).containsExactly("On", "Not allowed");

      browser.press("Users & Roles");
      browser.waitForText("2 users still must set up 2FA.");
    }

    // A new user signs in: asked to set up, they do so with an authenticator of their own.
    register(commands, org, admin, "nia@acme.example", "PASSWORD");
    try (Browser phone = Browser.open(390, 844)) {
      awaitRequirement("nia@acme.example", "SETUP_REQUIRED");
      phone.visit(pushSignIn("nia@acme.example"));
      phone.waitForText("Set up two-factor authentication");
      Matcher shown = SHOWN_SECRET.matcher(phone.text());
      assertThat(shown.find()).as(phone.text()).isTrue();
      String secret = shown.group().replace(" ", "");
      phone.fill("Enter the 6-digit code the app shows", oathtoolOr(secret));
      phone.press("Verify");
      phone.waitForText("Signed in: nia@acme.example, second factor: authenticator app");
    }
  }

  @Test
  @Order(4)
  void anAuditorSeesItAllInTheAuditLogAndNoButtonThatChangesAnything() throws Exception {
    try (Browser browser = Browser.open(1280, 900, VIEWER_ZONE)) {
      browser.visit(consoleLink("AUDITOR", "auditor-1"));
      browser.waitForText("Times are shown in " + VIEWER_ZONE);
      browser.waitForText("nia@acme.example");
      assertThat(browser.text()).contains("Auditor");
      assertNothingChangesAnything(browser);

      browser.press("ann@acme.example");
      browser.waitForText("History");
      assertNothingChangesAnything(browser);
      assertThat(browser.controls("Get access code")).isEmpty();
      assertThat(browser.controls("Reset two-factor authentication")).isEmpty();
      assertThat(browser.controls("Revoke")).isEmpty();
      shoot(browser, "console-user-auditor");

      browser.press("Security & identity");
      browser.waitForText("Require two-factor authentication");
      assertThat(browser.controls("Edit")).isEmpty();
      assertNothingChangesAnything(browser);

      browser.press("Audit log");
      browser.waitForText("Who did what to whose second factor");
      String newestFirst = browser.text();
      assertThat(newestFirst)
          .contains("nia@acme.example finished setting up an authenticator app")
          .contains("admin-1 turned on Require two-factor authentication")
          .contains(
              "admin-1 reset two-factor authentication for ann@acme.example (reason: \u201clost"
                  + " phone\u201d)")
          .contains("ann@acme.example signed in with an access code")
          .contains("admin-1 issued an access code to ann@acme.example, valid until");
      assertThat(newestFirst.indexOf("turned on Require two-factor authentication"))
          .as("newest first")
          .isLessThan(newestFirst.indexOf("issued an access code to ann@acme.example"));
      assertNothingChangesAnything(browser);
      shoot(browser, "console-audit-log");

      browser.fill("User (email or id)", "ann@acme.example");
      browser.driver().findElement(By.id("type")).sendKeys("Two-factor authentication reset");
      browser.press("Apply filters");
      browser.waitForText("(reason: \u201clost phone\u201d)");
      assertThat(browser.driver().findElements(By.linkText("Raw event"))).hasSize(1);
      browser.press("Export");
      browser.waitForText("Exported 1 event.");
      shoot(browser, "console-audit-filtered");
      List<String> exported = export(browser);
      assertThat(exported).hasSize(1);
      assertThat(Api.JSON.readTree(exported.get(0)).get("type").asText())
          .isEqualTo("TwoFactorReset");

      browser.press("Raw event");
      browser.waitForText("Raw event");
      assertThat(browser.text()).contains("\"type\" : \"TwoFactorReset\"", "lost phone", ann);
      shoot(browser, "console-audit-event");

      // The auditor has the whole stored history checked against its chain.
      browser.press("Audit log");
      browser.press("Verify the history");
      browser.waitForText("Integrity of the audit history");
      assertThat(browser.text()).containsPattern("Verified: [0-9,]+ events");
      assertThat(browser.controls("Download signed checkpoint")).hasSize(1);
      shoot(browser, "console-audit-integrity");
      String checkpoint = downloadCheckpoint(browser);
      assertThat(checkpoint).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\n");
      String claims =
          new String(
              java.util.Base64.getUrlDecoder().decode(checkpoint.split("\\.")[1]),
              java.nio.charset.StandardCharsets.UTF_8);
      assertThat(Api.JSON.readTree(claims).get("organizationId").asText()).isEqualTo(org);
    }
  }

  @Test
  @Order(5)
  void aSignInLinkWorksOnceAndSigningOutEndsTheSession() throws Exception {
    try (Browser browser = Browser.open()) {
      URI link = consoleLink("ORG_ADMIN", "admin-1");
      browser.visit(link);
      browser.waitForText("ann@acme.example");
      browser.press("Sign out");
      browser.waitForText("You are signed out");
      browser.visit(console.uri("/users"));
      browser.waitForText("Sign in to Settings");
      browser.visit(link);
      browser.waitForText("This sign-in link has expired or was already used");
      shoot(browser, "console-link-used");
    }
  }

  @Test
  @Order(6)
  void aLockIsReadInTheViewersTimeNamesAreShownAsTypedAndAnotherOrganizationIsOutOfReach()
      throws Exception {
    String lou = registerNamed("lou@acme.example", "<b>Lou</b> & \"Co\"", "PASSWORD");
    String secret = Enrollment.enroll(commands, signIn, lou);
    String wrong =
        java.util.stream.Stream.of("000000", "111111", "222222", "333333")
            .filter(
                candidate ->
                    java.util.stream.IntStream.rangeClosed(-1, 2)
                        .mapToObj(
                            step ->
                                IndependentTotp.codeAt(
                                    secret, Instant.now().plusSeconds(30L * step)))
                        .noneMatch(candidate::equals))
            .findFirst()
            .orElseThrow();
    Api.Answer verified = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      verified =
          Api.post(
              commands.uri("/sign-in/verifications"),
              signIn,
              "{\"userId\":\"" + lou + "\",\"method\":\"TOTP\",\"code\":\"" + wrong + "\"}");
    }
    assertThat(verified.status()).as(verified.raw().body()).isEqualTo(423);
    Instant lockedUntil = Instant.parse(verified.body().get("lockedUntil").asText());
    String berlinTime =
        java.time.format.DateTimeFormatter.ofPattern("HH:mm")
            .format(lockedUntil.atZone(java.time.ZoneId.of(VIEWER_ZONE)));
    awaitRequirement("lou@acme.example", "LOCKED");
    String operator = onix.token("--role", "PLATFORM_OPERATOR");
    String globex =
        Api.post(commands.uri("/organizations"), operator, "{\"name\":\"Globex\"}")
            .body()
            .get("organizationId")
            .asText();
    String globexAdmin = onix.token("--role", "ORG_ADMIN", "--org", globex, "--sub", "admin-9");
    String stranger = register(commands, globex, globexAdmin, "sam@globex.example", "PASSWORD");

    try (Browser browser = Browser.open(1280, 900, VIEWER_ZONE)) {
      browser.visit(consoleLink("ORG_ADMIN", "admin-1"));
      browser.waitForText("Times are shown in " + VIEWER_ZONE);
      browser.waitForText("lou@acme.example");
      // "Locked until 10:42" today; with the date in front when the lock ends on another day.
      assertThat(browser.text())
          .containsPattern("Locked until (\\d{1,2} \\w{3} \\d{4}, )?" + berlinTime)
          .contains("<b>Lou</b> & \"Co\"")
          .doesNotContain("sam@globex.example");
      assertThat(browser.driver().findElements(By.xpath("//b[normalize-space()='Lou']"))).isEmpty();
      browser.driver().findElement(By.id("status")).sendKeys("Locked");
      browser.press("Filter");
      new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
          .until(ExpectedConditions.urlContains("status=LOCKED"));
      browser.waitForText("lou@acme.example");
      assertThat(browser.text()).doesNotContain("ann@acme.example");
      shoot(browser, "console-users-locked");

      browser.visit(console.uri("/users/" + stranger));
      browser.waitForText("User not found");
      assertThat(browser.text()).doesNotContain("sam@globex.example").doesNotContain("{");
    }
  }

  /** The only forms that post are the sign-out; no button or link leads to a change. */
  private static void assertNothingChangesAnything(Browser browser) {
    for (WebElement form : browser.driver().findElements(By.xpath("//form[@method='post']"))) {
      assertThat(form.getAttribute("action")).endsWith("/sign-out");
    }
    for (String change :
        List.of("Get access code", "Revoke", "Reset two-factor authentication", "Edit", "Save")) {
      assertThat(browser.controls(change)).as(change).isEmpty();
    }
  }

  private static String activeAccessCode(Browser browser) {
    return browser
        .driver()
        .findElement(
            By.xpath("//dt[normalize-space()='Active access code']/following-sibling::dd[1]"))
        .getText();
  }

  /** What {@code ./onix console-link} prints for this person. */
  private static URI consoleLink(String role, String subject) throws Exception {
    String printed = onix.launcher("console-link", "--role", role, "--org", org, "--sub", subject);
    assertThat(printed).startsWith(console.uri("/sign-in/link?ticket=").toString());
    return URI.create(printed);
  }

  /** The export as the browser would download it, fetched with the browser's own session. */
  private static List<String> export(Browser browser) throws Exception {
    String href = browser.driver().findElement(By.id("export")).getAttribute("href");
    Cookie session = browser.driver().manage().getCookieNamed("ONIX_CONSOLE");
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(href))
                    .header("Cookie", "ONIX_CONSOLE=" + session.getValue())
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Disposition").orElse(""))
        .startsWith("attachment;");
    return answer.body().lines().filter(line -> !line.isBlank()).toList();
  }

  /** What Download signed checkpoint saves, fetched with the browser's own session. */
  private static String downloadCheckpoint(Browser browser) throws Exception {
    String href = browser.driver().findElement(By.id("checkpoint")).getAttribute("href");
    Cookie session = browser.driver().manage().getCookieNamed("ONIX_CONSOLE");
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(href))
                    .header("Cookie", "ONIX_CONSOLE=" + session.getValue())
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Disposition").orElse(""))
        .startsWith("attachment;")
        .endsWith(".jws\"");
    return answer.body();
  }

  /** Keeps a screenshot under target/ and, for the README, under docs/screenshots/. */
  private static void shoot(Browser browser, String name) throws IOException {
    Path file = browser.screenshot(name);
    if (Files.isDirectory(DOCS_SCREENSHOTS)) {
      Files.copy(
          file, DOCS_SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The code oathtool computes when it is installed, else the tests' own RFC 6238. */
  private static String oathtoolOr(String secret) throws Exception {
    Path oathtool = Path.of("/usr/bin/oathtool");
    if (Files.isExecutable(oathtool)) {
      Process process = new ProcessBuilder(oathtool.toString(), "--totp", "-b", secret).start();
      String code = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() == 0 && code.strip().matches("\\d{6}")) {
        return code.strip();
      }
    }
    return IndependentTotp.codeAt(secret, Instant.now());
  }

  private static String registerNamed(String email, String name, String method) throws Exception {
    Api.Answer answer =
        Api.post(
            commands.uri("/organizations/" + org + "/users"),
            admin,
            Api.JSON
                .createObjectNode()
                .put("email", email)
                .put("displayName", name)
                .put("signInMethod", method)
                .toString());
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
    return answer.body().get("userId").asText();
  }

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

  private static void awaitAccessCodeOffered(String email) throws Exception {
    awaitRequirement(email, "ACCESS_CODE");
  }

  /** Waits until the sign-in requirement of {@code email} is, or offers, {@code expected}. */
  private static void awaitRequirement(String email, String expected) throws Exception {
    String query =
        "/sign-in/requirements?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      Api.Answer answer = Api.get(queries.uri(query), signIn);
      if (answer.status() == 200
          && (expected.equals(answer.body().get("twoFactor").asText())
              || answer.body().get("methods").toString().contains("\"" + expected + "\""))) {
        return;
      }
      assertThat(System.nanoTime()).as("requirement of " + email).isLessThan(deadline);
      Thread.sleep(100);
    }
  }
}
