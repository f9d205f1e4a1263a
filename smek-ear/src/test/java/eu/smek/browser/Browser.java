package eu.smek.browser;

import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import eu.smek.shared.Language;
import eu.smek.shared.Messages;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driving the application, one browser per test class (see {@link BrowserTest},
 * which registers it). Every test starts as a new visitor (no cookies, the normal window size,
 * English as the browser's language). A failing test leaves a screenshot and the page source in
 * {@code it.screenshots}.
 */
public final class Browser
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {

  /** WCAG 2.1 level A and AA: the level the accessibility statement promises. */
  private static final List<String> WCAG_21_AA =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  private static final Dimension WINDOW = new Dimension(1280, 900);
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  /** What a browser needs to take part in a telesession's room: fake camera and microphone. */
  static final List<String> FAKE_MEDIA =
      List.of(
          "--use-fake-ui-for-media-stream",
          "--use-fake-device-for-media-stream",
          "--disable-features=WebRtcHideLocalIpsWithMdns",
          "--autoplay-policy=no-user-gesture-required");

  private final List<String> extraArguments;
  private Path profile;
  private ChromeDriver driver;
  private WebDriverWait wait;
  private String base;

  public Browser() {
    this(List.of());
  }

  /** A browser started with more command-line switches (e.g. {@link #FAKE_MEDIA}). */
  public Browser(List<String> extraArguments) {
    this.extraArguments = List.copyOf(extraArguments);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    profile = Files.createTempDirectory("smek-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--window-size=" + WINDOW.width + "," + WINDOW.height,
        "--user-data-dir=" + profile);
    options.addArguments(extraArguments);
    // The visitor's language before choosing one: the same on every machine.
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    wait = new WebDriverWait(driver, PATIENCE);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      deleteRecursively(profile);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    newVisitor();
    driver.manage().window().setSize(WINDOW);
  }

  /** Forgets the session and every other cookie, like a browser opened for the first time. */
  public void newVisitor() {
    driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
  }

  /** The application's root URL, as Arquillian reports it. */
  public void startAt(URL application) {
    String url = application.toExternalForm();
    base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  public String base() {
    return base;
  }

  public WebDriver driver() {
    return driver;
  }

  // Navigation

  /** Opens a path of the application, e.g. {@code /login}, and waits until it has loaded. */
  public void open(String path) {
    driver.get(base + path);
    waitForPageLoad();
  }

  /** The path of the current page, without the query string, e.g. {@code /dashboard}. */
  public String path() {
    return URI.create(driver.getCurrentUrl()).getPath();
  }

  /** The HTTP status of the current page's own response. */
  public long status() {
    Object status = script("return performance.getEntriesByType('navigation')[0].responseStatus;");
    return ((Number) status).longValue();
  }

  /** Signs in through the sign-in form and waits for the page that follows. */
  public void signIn(String login, String password) {
    open("/login");
    type(By.id("login-form:username"), login);
    type(By.id("login-form:password"), password);
    clickAndWaitForPage(By.id("login-form:sign-in"));
  }

  public void signIn(DemoUser user) {
    signIn(user.login(), user.password());
  }

  public void signOut() {
    clickAndWaitForPage(By.id("sign-out-form:sign-out"));
  }

  /** Chooses a language with the switch in the page header. */
  public void switchLanguage(Language language) {
    clickAndWaitForPage(By.cssSelector("#language-form [lang='" + language.code() + "']"));
  }

  /** Clicks something that loads a new page (a link, a non-Ajax button) and waits for that page. */
  public void clickAndWaitForPage(By target) {
    WebElement page = driver.findElement(By.tagName("html"));
    driver.findElement(target).click();
    waitForNewPage(page);
  }

  /** Presses keys in whatever has the focus, as a keyboard user does. */
  public void press(CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
  }

  /** Presses a key in the focused element, expecting a new page, and waits for it. */
  public void pressAndWaitForPage(CharSequence key) {
    WebElement page = driver.findElement(By.tagName("html"));
    focused().sendKeys(key);
    waitForNewPage(page);
  }

  /** Clicks something that sends a PrimeFaces Ajax request and waits until it is done. */
  public void clickAndWaitForAjax(By target) {
    driver.findElement(target).click();
    waitForPrimeFacesAjax();
  }

  /** Waits until PrimeFaces' Ajax queue is empty and jQuery has no request running. */
  public void waitForPrimeFacesAjax() {
    wait.until(
        d ->
            Boolean.TRUE.equals(
                script(
                    "return document.readyState === 'complete' && !!window.jQuery"
                        + " && jQuery.active === 0 && !!window.PrimeFaces"
                        + " && PrimeFaces.ajax.Queue.isEmpty();")));
  }

  private void waitForNewPage(WebElement previous) {
    wait.until(d -> isReplaced(previous));
    waitForPageLoad();
  }

  private static boolean isReplaced(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException replaced) {
      return true;
    } catch (WebDriverException whileReplacing) {
      // Chrome: "Node with given id does not belong to the document" while the old page goes.
      return false;
    }
  }

  private void waitForPageLoad() {
    wait.until(d -> "complete".equals(script("return document.readyState;")));
  }

  // Reading and typing

  public WebElement find(By by) {
    return driver.findElement(by);
  }

  public List<WebElement> findAll(By by) {
    return driver.findElements(by);
  }

  public WebElement byId(String id) {
    return driver.findElement(By.id(id));
  }

  public WebElement waitUntilVisible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public void waitUntilHidden(By by) {
    wait.until(ExpectedConditions.invisibilityOfElementLocated(by));
  }

  public void waitUntilFocused(String id) {
    wait.until(d -> id.equals(focused().getDomAttribute("id")));
  }

  public void type(By field, String text) {
    WebElement element = driver.findElement(field);
    element.clear();
    element.sendKeys(text);
  }

  public WebElement focused() {
    return driver.switchTo().activeElement();
  }

  /** The page's only h1, its title. */
  public String heading() {
    List<WebElement> headings = driver.findElements(By.tagName("h1"));
    if (headings.size() != 1) {
      fail("expected one h1 on " + driver.getCurrentUrl() + ", found " + headings.size());
    }
    return headings.get(0).getText();
  }

  /** The page's language, from {@code <html lang>}. */
  public Language language() {
    String code = find(By.tagName("html")).getDomAttribute("lang");
    return Language.fromCode(code)
        .orElseThrow(() -> new AssertionError("html lang is not a known language: " + code));
  }

  /** The texts of the page's messages, above the content. */
  public List<String> messages() {
    return findAll(By.cssSelector("#messages li")).stream().map(WebElement::getText).toList();
  }

  /** The error message tied to a field by {@code aria-describedby}, as a screen reader finds it. */
  public String fieldError(By field) {
    String describedBy = find(field).getDomAttribute("aria-describedby");
    if (describedBy == null) {
      fail("no message is tied to " + field);
    }
    return byId(describedBy).getText();
  }

  /** A text from the application's bundles, as the page in that language shows it. */
  public static String text(Language language, String key, Object... arguments) {
    return Messages.format(language.locale(), key, arguments);
  }

  public Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  public void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  // Accessibility

  /** Runs axe-core on the current page against WCAG 2.1 A and AA; fails listing what it found. */
  public void assertAccessible() {
    Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
    if (results.isErrored()) {
      fail("axe-core could not check " + driver.getCurrentUrl() + ": " + results.getErrorMessage());
    }
    List<Rule> violations = results.getViolations();
    if (!violations.isEmpty()) {
      fail(
          "axe-core found "
              + violations.size()
              + " WCAG 2.1 A/AA violation(s) on "
              + driver.getCurrentUrl()
              + ":\n"
              + violations.stream().map(Browser::describe).collect(Collectors.joining("\n")));
    }
  }

  private static String describe(Rule rule) {
    StringBuilder text =
        new StringBuilder()
            .append("- ")
            .append(rule.getId())
            .append(" (")
            .append(rule.getImpact())
            .append("): ")
            .append(rule.getHelp())
            .append(" <")
            .append(rule.getHelpUrl())
            .append(">");
    for (CheckedNode node : rule.getNodes()) {
      text.append("\n    ").append(node.getTarget());
      if (node.getFailureSummary() != null) {
        text.append("\n      ").append(node.getFailureSummary().replace("\n", "\n      "));
      }
    }
    return text.toString();
  }

  // Evidence of failures

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    saveEvidence(context);
    throw failure;
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    saveEvidence(context);
    throw failure;
  }

  @Override
  public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    saveEvidence(context);
    throw failure;
  }

  /** A screenshot and the page source, named after the test; never hides the test's failure. */
  private void saveEvidence(ExtensionContext context) {
    if (driver == null) {
      return;
    }
    try {
      Path directory = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
      Files.createDirectories(directory);
      String method = context.getRequiredTestMethod().getName();
      // A parameterised test's invocations are told apart by their display names.
      String invocation =
          context.getDisplayName().startsWith(method + "(")
              ? ""
              : "[" + context.getDisplayName() + "]";
      String name =
          (context.getRequiredTestClass().getSimpleName()
                  + "."
                  + method
                  + invocation
                  + "-"
                  + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss")))
              .replaceAll("[^\\p{L}\\p{N}.\\[\\]_-]+", "_");
      File screenshot = driver.getScreenshotAs(OutputType.FILE);
      Files.copy(
          screenshot.toPath(),
          directory.resolve(name + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(
          directory.resolve(name + ".html"),
          "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(),
          StandardCharsets.UTF_8);
    } catch (IOException | WebDriverException e) {
      System.err.println("Could not save the browser's state: " + e);
    }
  }

  /** Best effort: a profile left behind in the temporary directory is no reason to fail a test. */
  private static void deleteRecursively(Path directory) {
    if (directory == null || !Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      System.err.println("Could not delete the browser profile " + directory + ": " + e);
    }
  }
}
