package com.onix.twofactor.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven the way a person uses a page: fields found by their label,
 * buttons and links by their text, waits for what a person would wait for. Every page visited can
 * be kept as a screenshot under {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /** Generous: a loaded 2-core machine renders slowly, and a person would wait too. */
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final ChromeDriver driver;
  private final Path profile;
  private final WebDriverWait wait;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
    this.wait = new WebDriverWait(driver, PATIENCE);
    // A page replaced while it is read (a redirect, a reload) is simply read again.
    this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
  }

  /** A desktop-sized window. */
  static Browser open() {
    return open(1280, 900);
  }

  /** A window of the given size, e.g. 390 x 844 for a phone. */
  static Browser open(int width, int height) {
    return open(width, height, null);
  }

  /** A browser whose clock reads in {@code timeZone} (e.g. "Europe/Berlin"), as a person's does. */
  static Browser open(int width, int height, String timeZone) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException(
          "These tests drive Debian's Chromium, which is not installed. Install it with"
              + " `apt-get install chromium chromium-driver` (`./onix test` does this for you).");
    }
    Path profile;
    try {
      profile = Files.createTempDirectory("onix-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=" + width + "," + height,
        "--user-data-dir=" + profile);
    ChromeDriverService.Builder services =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile());
    if (timeZone != null) {
      services.withEnvironment(java.util.Map.of("TZ", timeZone));
    }
    ChromeDriverService service = services.build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(width, height));
    return new Browser(driver, profile);
  }

  WebDriver driver() {
    return driver;
  }

  void visit(URI uri) {
    driver.get(uri.toString());
  }

  String currentUrl() {
    return driver.getCurrentUrl();
  }

  /** Waits until the page shows {@code text} somewhere a person can read it. */
  void waitForText(String text) {
    wait.until(
        d -> {
          String body = d.findElement(By.tagName("body")).getText();
          return body.contains(text);
        });
  }

  /** The visible text of the whole page. */
  String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /**
   * Types into the field whose label reads {@code label} (a {@code <label for>} or a wrapping one).
   */
  void fill(String label, String text) {
    WebElement field = field(label);
    field.clear();
    field.sendKeys(text);
  }

  WebElement field(String label) {
    return wait.until(
        d -> {
          for (WebElement candidate :
              d.findElements(By.xpath("//label[normalize-space()=" + literal(label) + "]"))) {
            String target = candidate.getAttribute("for");
            if (target != null && !target.isBlank()) {
              return d.findElement(By.id(target));
            }
            List<WebElement> inner =
                candidate.findElements(By.xpath(".//input|.//select|.//textarea"));
            if (!inner.isEmpty()) {
              return inner.get(0);
            }
          }
          return null;
        });
  }

  /** Presses the button or follows the link that reads {@code text}, once it can be pressed. */
  void press(String text) {
    wait.until(ExpectedConditions.elementToBeClickable(control(text))).click();
  }

  /** The buttons and links that read {@code text} on the current page (none: an empty list). */
  List<WebElement> controls(String text) {
    return driver.findElements(control(text));
  }

  private static By control(String text) {
    String t = literal(text);
    return By.xpath(
        "//button[normalize-space()="
            + t
            + "]|//a[normalize-space()="
            + t
            + "]|//input[(@type='submit' or @type='button') and @value="
            + t
            + "]|//*[@role='button' and normalize-space()="
            + t
            + "]");
  }

  /** Saves what the page looks like now as {@code target/screenshots/<name>.png}. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An XPath string literal for any text, quotes included. */
  private static String literal(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteQuietly(profile);
    }
  }

  private static void deleteQuietly(Path directory) {
    try (var paths = Files.walk(directory)) {
      paths
          .sorted(java.util.Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.deleteIfExists(path);
                } catch (IOException ignored) {
                  // Chromium may still be releasing a file; the temp directory is cleared later.
                }
              });
    } catch (IOException ignored) {
      // nothing left to delete
    }
  }
}
