package eu.smek.browser;

import static eu.smek.browser.Browser.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.it.Mailbox;
import eu.smek.shared.Language;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * An account from invitation to deactivation: a town coordinator adds a colleague and invites her;
 * she follows the link from the e-mail, chooses her login name and password, signs in and reads her
 * own data; the coordinator is notified and finally deactivates the account.
 */
class AccountsBrowserIT extends BrowserTest {

  private static final Language PL = DemoUser.COORDINATOR.language();
  private static final String PASSWORD = "Zamek-Kazimierzowski-2026";

  @Test
  void aCoordinatorInvitesAColleagueWhoSetsUpHerAccount() {
    String family = "Wiśniewska" + UUID.randomUUID().toString().substring(0, 6);
    String address = "m." + UUID.randomUUID().toString().substring(0, 8) + "@przemysl.example";
    String login = "maria." + UUID.randomUUID().toString().substring(0, 6);

    browser.signIn(DemoUser.COORDINATOR);
    browser.open("/membership/list-organisations");
    browser.clickAndWaitForPage(By.linkText("Gmina Miejska Przemyśl"));
    browser.clickAndWaitForPage(By.id("cell-link"));
    browser.clickAndWaitForPage(By.id("add-person"));
    browser.type(By.id("person-form:given-name"), "Maria");
    browser.type(By.id("person-form:family-name"), family);
    browser.type(By.id("person-form:email"), address);
    browser.clickAndWaitForPage(By.id("person-form:save"));
    browser.clickAndWaitForPage(
        By.xpath("//a[starts-with(@id,'edit-person-')][contains(@aria-label,'" + family + "')]"));
    String editPage = browser.driver().getCurrentUrl();

    assertEquals(text(PL, "security.account.none"), browser.byId("account-none").getText());
    new Select(browser.byId("account-form:invite-role")).selectByValue("CLERK");
    browser.assertAccessible();
    browser.clickAndWaitForPage(By.id("account-form:invite"));
    assertTrue(
        browser.messages().contains(text(PL, "security.invitation.sent", address)),
        browser.messages().toString());
    assertTrue(
        browser.byId("account-none").getText().startsWith(text(PL, "security.invitation.pending")));
    browser.signOut();

    // She opens the link from the e-mail; the page speaks her browser's language.
    Mailbox.Mail mail = Mailbox.await(address, m -> true);
    browser.open(mail.link("/accept-invitation?token="));
    Language visitor = browser.language();
    assertEquals(text(visitor, "page.acceptInvitation"), browser.heading());
    assertTrue(browser.byId("invitation-for").getText().contains("Maria " + family));
    browser.assertAccessible();

    // A mismatch is explained next to the field and nothing typed is lost.
    browser.type(By.id("accept-form:login"), login);
    browser.type(By.id("accept-form:password"), PASSWORD);
    browser.type(By.id("accept-form:password-again"), PASSWORD + "!");
    browser.clickAndWaitForPage(By.id("accept-form:accept"));
    assertEquals(
        text(visitor, "security.invitation.passwordsDiffer"),
        browser.fieldError(By.id("accept-form:password-again")));
    assertEquals(login, browser.byId("accept-form:login").getDomProperty("value"));
    browser.assertAccessible();

    browser.type(By.id("accept-form:password"), PASSWORD);
    browser.type(By.id("accept-form:password-again"), PASSWORD);
    browser.clickAndWaitForPage(By.id("accept-form:accept"));
    assertEquals("/login", browser.path());
    assertEquals(text(visitor, "login.welcome"), browser.byId("welcome").getText());
    browser.assertAccessible();

    browser.signIn(login, PASSWORD);
    assertEquals("/dashboard", browser.path());
    browser.clickAndWaitForPage(By.id("menu-security-view-my-data"));
    assertEquals(login, browser.byId("my-login").getText());
    assertTrue(browser.byId("my-person").getText().contains(address));
    browser.assertAccessible();
    browser.type(By.id("account-form:display-name"), "Maria " + family + "-Nowak");
    browser.clickAndWaitForPage(By.id("account-form:save"));
    assertTrue(browser.messages().contains(text(PL, "security.myData.saved")));
    assertEquals(
        "Maria " + family + "-Nowak",
        browser.byId("account-form:display-name").getDomProperty("value"));
    browser.clickAndWaitForPage(By.id("notifications-link"));
    assertEquals(text(PL, "notification.none"), browser.byId("no-notifications").getText());
    browser.assertAccessible();
    browser.signOut();

    // The coordinator hears of it, and deactivates the account again.
    browser.signIn(DemoUser.COORDINATOR);
    browser.clickAndWaitForPage(By.id("notifications-link"));
    assertTrue(
        browser.byId("notifications").getText().contains(login),
        browser.byId("notifications").getText());
    browser.assertAccessible();
    browser.driver().get(editPage);
    assertEquals(text(PL, "security.account.active"), browser.byId("account-active").getText());
    browser.clickAndWaitForPage(By.id("account-form:deactivate"));
    assertEquals(text(PL, "security.account.inactive"), browser.byId("account-active").getText());
    browser.signOut();

    browser.open("/login");
    browser.signIn(login, PASSWORD);
    assertEquals("/login", browser.path());
  }
}
