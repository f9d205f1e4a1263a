package eu.smek.browser;

import static eu.smek.browser.Browser.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.smek.shared.Language;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The language switch in the header: for a visitor, and saved to a signed-in user's account. */
class LanguageBrowserIT extends BrowserTest {

  private static final List<Language> LANGUAGES = List.of(Language.PL, Language.SK, Language.EN);

  @Test
  void theWelcomePageFollowsTheChosenLanguage() {
    browser.open("/");
    assertEquals(Language.EN, browser.language());

    for (Language language : LANGUAGES) {
      browser.switchLanguage(language);

      assertEquals("/", browser.path());
      assertEquals(language, browser.language());
      assertEquals(text(language, "page.home"), browser.heading());
      for (Language option : LANGUAGES) {
        assertEquals(
            String.valueOf(option == language),
            browser
                .find(By.cssSelector("#language-form [lang='" + option.code() + "']"))
                .getDomAttribute("aria-pressed"),
            language + " chosen, " + option + " pressed?");
      }
    }
  }

  @Test
  void aSignedInUsersChoiceIsSavedToTheAccount() {
    DemoUser admin = DemoUser.ADMIN;
    Language chosen = Language.SK;
    boolean restored = false;
    try {
      browser.signIn(admin);
      assertEquals(admin.language(), browser.language());

      browser.switchLanguage(chosen);
      assertEquals("/dashboard", browser.path());
      assertEquals(chosen, browser.language());
      assertEquals(text(chosen, "page.dashboard"), browser.heading());

      browser.signOut();
      browser.newVisitor();
      browser.signIn(admin);
      assertEquals(chosen, browser.language());
      assertEquals(text(chosen, "page.dashboard"), browser.heading());

      browser.switchLanguage(admin.language());
      restored = true;
      browser.signOut();
      browser.newVisitor();
      browser.signIn(admin);
      assertEquals(admin.language(), browser.language());
    } finally {
      if (!restored) {
        browser.newVisitor();
        browser.signIn(admin);
        browser.switchLanguage(admin.language());
      }
    }
  }
}
