package eu.smek.browser;

import static eu.smek.browser.Browser.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.it.Mailbox;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The IT operator's system status page, and its mail test. */
class SystemStatusBrowserIT extends BrowserTest {

  private static final String ADDRESS = "operator@demo.smek.example";

  @Test
  void showsTheNodeAndSendsATestMailToTheOperator() {
    browser.signIn(DemoUser.OPERATOR);
    browser.open("/operations/view-system-status");

    assertTrue(
        browser.byId("build").getText().matches("[0-9a-f]{12}(-dirty)? \\(\\S+Z\\)"),
        browser.byId("build").getText());
    assertEquals(
        text(DemoUser.OPERATOR.language(), "operations.cluster.single"),
        browser.byId("cluster").getText());
    assertEquals(
        text(DemoUser.OPERATOR.language(), "operations.migrations.ok"),
        browser.byId("migrations").getText());
    assertTrue(
        browser.byId("storage").getText().contains("GiB"), browser.byId("storage").getText());
    browser.assertAccessible();

    int before = Mailbox.messagesTo(ADDRESS).size();
    browser.clickAndWaitForAjax(By.id("mail-test:send-test-mail"));
    assertEquals(
        java.util.List.of(text(DemoUser.OPERATOR.language(), "operations.mailTest.sent", ADDRESS)),
        browser.messages());
    Mailbox.Mail mail =
        Mailbox.await(
            ADDRESS, m -> m.subject().startsWith("SMEK-int: test e-mail") && m.body() != null);
    assertTrue(mail.body().contains("mail settings"), mail.body());
    assertTrue(Mailbox.messagesTo(ADDRESS).size() > before);
    browser.assertAccessible();
  }
}
