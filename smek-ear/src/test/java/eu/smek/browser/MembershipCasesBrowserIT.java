package eu.smek.browser;

import static eu.smek.browser.Browser.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.it.Mailbox;
import eu.smek.it.TestFiles;
import eu.smek.shared.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The accession of a new town in the browser, as an association administrator does it: register the
 * town, open its case with the council's resolution, ask for completion, record it, approve, and
 * complete with the signed declaration; the town is then a member and its contact is invited.
 */
class MembershipCasesBrowserIT extends BrowserTest {

  private static final Language PL = DemoUser.ADMIN.language();

  private static Path file(String name, byte[] content) throws IOException {
    Path directory = Files.createTempDirectory("smek-upload");
    return Files.write(directory.resolve(name), content);
  }

  private String state() {
    return browser.byId("case-state").getText();
  }

  @Test
  void anAdministratorTakesATownFromApplicationToMembership() throws IOException {
    String code = "C-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    String name = "Mesto Giraltovce " + code;
    String email = "g." + UUID.randomUUID().toString().substring(0, 8) + "@giraltovce.example";
    browser.signIn(DemoUser.ADMIN);
    browser.open("/membership/edit-organisation");
    browser.type(By.id("organisation-form:code"), code);
    browser.type(By.id("organisation-form:name"), name);
    new Select(browser.byId("organisation-form:country")).selectByValue("SK");
    browser.clickAndWaitForPage(By.id("organisation-form:save"));
    assertEquals(text(PL, "membership.case.noCases"), browser.byId("no-cases").getText());
    browser.clickAndWaitForPage(By.id("open-case"));

    assertEquals(text(PL, "page.openCase"), browser.heading());
    browser.assertAccessible();
    browser.type(By.id("case-form:contact-name"), "Zuzana Baláž");
    browser.type(By.id("case-form:contact-email"), email);
    browser.type(By.id("case-form:statement"), "<i>Spolupráca</i> v cestovnom ruchu");
    // Without the resolution the application is refused, and what was typed stays.
    browser.clickAndWaitForPage(By.id("case-form:open"));
    assertEquals(List.of(text(PL, "membership.case.resolutionRequired")), browser.messages());
    assertEquals("Zuzana Baláž", browser.byId("case-form:contact-name").getDomProperty("value"));
    browser.assertAccessible();
    browser
        .byId("case-form:document")
        .sendKeys(file("uznesenie-7-2026.pdf", TestFiles.pdf("Uznesenie")).toString());
    browser.clickAndWaitForPage(By.id("case-form:open"));

    assertEquals("/membership/view-case", browser.path());
    assertEquals(text(PL, "membership.case.kind.ACCESSION") + ": " + name, browser.heading());
    assertEquals(text(PL, "membership.case.state.UNDER_REVIEW"), state());
    assertTrue(
        browser.byId("steps").getText().contains("<i>Spolupráca</i> v cestovnom ruchu"),
        "typed markup is shown as text");
    browser.assertAccessible();

    browser.type(By.id("request-form:request"), "Prosíme o podpísané uznesenie.");
    browser.clickAndWaitForPage(By.id("request-form:request-completion"));
    assertEquals(text(PL, "membership.case.state.COMPLETION_REQUESTED"), state());
    Mailbox.Mail request =
        Mailbox.await(email, mail -> mail.body().contains("Prosíme o podpísané"));
    assertTrue(request.subject().contains(name), request.subject());
    browser.assertAccessible();

    browser.type(By.id("supplement-form:supplement"), "Uznesenie podpísané primátorom.");
    browser.clickAndWaitForPage(By.id("supplement-form:record-supplement"));
    assertEquals(text(PL, "membership.case.state.UNDER_REVIEW"), state());

    // A rejection without a reason is refused; an approval waits for the signed declaration.
    browser.clickAndWaitForPage(By.id("decision-form:reject"));
    assertEquals(
        List.of(text(PL, "membership.rule.reasonRequired", text(PL, "membership.status.REJECTED"))),
        browser.messages());
    browser.clickAndWaitForPage(By.id("decision-form:approve"));
    assertEquals(text(PL, "membership.case.state.APPROVED"), state());
    browser.assertAccessible();

    browser
        .byId("complete-form:signed-document")
        .sendKeys(
            file("vyhlasenie.pdf", TestFiles.signedPdf("Vyhlasenie", "Ing. Ján Rusnák"))
                .toString());
    browser.clickAndWaitForPage(By.id("complete-form:complete"));
    assertEquals(text(PL, "membership.case.state.COMPLETED"), state());
    WebElement signature = browser.find(By.cssSelector("#signatures tbody tr"));
    assertTrue(signature.getText().contains("Ing. Ján Rusnák"), signature.getText());
    assertTrue(signature.getText().contains("ETSI.CAdES.detached"), signature.getText());
    browser.assertAccessible();

    browser.clickAndWaitForPage(By.id("organisation-link"));
    assertEquals(text(PL, "membership.status.MEMBER"), browser.byId("status").getText());
    Mailbox.Mail invitation =
        Mailbox.await(email, mail -> mail.body().contains("/accept-invitation?token="));
    assertTrue(invitation.body().contains("Zuzana Baláž"), invitation.body());

    browser.clickAndWaitForPage(By.id("menu-membership-list-cases"));
    assertEquals(text(PL, "page.listCases"), browser.heading());
    browser.assertAccessible();
    browser.clickAndWaitForPage(By.id("show-all"));
    assertTrue(
        browser.byId("cases").getText().contains(name), "the completed case is listed with all");
  }
}
