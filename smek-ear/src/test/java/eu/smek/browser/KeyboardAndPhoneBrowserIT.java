package eu.smek.browser;

import static eu.smek.browser.Browser.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Without a mouse, and on a phone's narrow screen. */
class KeyboardAndPhoneBrowserIT extends BrowserTest {

  @Test
  void theFirstTabReachesTheSkipLinkWhichLeadsToTheContent() {
    browser.open("/login");

    browser.press(Keys.TAB);
    WebElement skipLink = browser.focused();
    assertEquals("skip-link", skipLink.getDomAttribute("class"));
    assertEquals("#main", skipLink.getDomAttribute("href"));
    assertTrue(skipLink.getRect().getX() >= 0, "visible when focused");

    browser.press(Keys.ENTER);
    browser.waitUntilFocused("main");
  }

  @Test
  void signingInWorksWithTheKeyboardAlone() {
    DemoUser user = DemoUser.OPERATOR;
    browser.open("/login");

    browser.press(Keys.TAB, Keys.ENTER);
    browser.waitUntilFocused("main");
    browser.press(Keys.TAB);
    assertEquals("login-form:username", browser.focused().getDomAttribute("id"));
    browser.press(user.login(), Keys.TAB, user.password());
    assertEquals("login-form:password", browser.focused().getDomAttribute("id"));
    browser.pressAndWaitForPage(Keys.ENTER);

    assertEquals("/dashboard", browser.path());
    assertEquals(text(user.language(), "page.dashboard"), browser.heading());
  }

  @ParameterizedTest
  @EnumSource(DemoUser.class)
  void theDashboardFitsAPhone(DemoUser user) {
    browser.resize(360, 740);
    browser.signIn(user);

    assertEquals("/dashboard", browser.path());
    long scrollWidth =
        ((Number) browser.script("return document.documentElement.scrollWidth;")).longValue();
    long viewport = ((Number) browser.script("return window.innerWidth;")).longValue();
    assertEquals(360, viewport, "a phone's width");
    assertTrue(
        scrollWidth <= viewport,
        "no horizontal scrolling: the page is " + scrollWidth + " px wide in " + viewport);
    browser.assertAccessible();
  }
}
