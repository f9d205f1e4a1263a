package eu.smek.browser;

import static eu.smek.browser.Browser.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.smek.shared.Language;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Working groups in the browser: an administrator sets up a group, edits it, adds members from two
 * towns, names a coordinator and pauses it; the demo coordinator manages the members of the
 * cross-border tourism group; a clerk only reads.
 */
class WorkingGroupsBrowserIT extends BrowserTest {

  private static final Language PL = DemoUser.ADMIN.language();
  private static final By MEMBER_NAMES = By.cssSelector("#members tbody th a");
  private static final By CANDIDATE_ROWS = By.cssSelector("#candidates tbody tr");

  private static List<String> texts(List<WebElement> elements) {
    return elements.stream().map(WebElement::getText).toList();
  }

  /** Finds people in the directory with the group page's search and adds the first one found. */
  private String addFirstFound(String find) {
    browser.type(By.id("find"), find);
    browser.clickAndWaitForPage(By.id("find-people"));
    browser.assertAccessible();
    WebElement first = browser.findAll(CANDIDATE_ROWS).get(0);
    String name = first.findElement(By.tagName("th")).getText();
    browser.clickAndWaitForPage(By.cssSelector("#" + first.getDomAttribute("id") + " button"));
    return name;
  }

  @Test
  void anAdministratorSetsUpAGroupEditsItAndAddsMembersFromTwoTowns() {
    String unique = UUID.randomUUID().toString().substring(0, 6);
    browser.signIn(DemoUser.ADMIN);
    browser.clickAndWaitForPage(By.id("menu-membership-list-working-groups"));
    assertEquals(text(PL, "page.listWorkingGroups"), browser.heading());
    assertFalse(browser.findAll(By.linkText("Turystyka transgraniczna")).isEmpty());
    browser.assertAccessible();

    browser.clickAndWaitForPage(By.id("new-working-group"));
    assertEquals(text(PL, "membership.workingGroup.new"), browser.heading());
    new Select(browser.byId("working-group-form:topic")).selectByValue("CULTURE");
    browser.type(By.id("working-group-form:languages:0:name"), "Teatry " + unique);
    browser.type(By.id("working-group-form:languages:0:description"), "Wymiana spektakli.");
    browser.type(By.id("working-group-form:languages:2:name"), "Theatres " + unique);
    browser.assertAccessible();
    browser.clickAndWaitForPage(By.id("working-group-form:save"));

    assertEquals("/membership/view-working-group", browser.path());
    assertEquals("Teatry " + unique, browser.heading());
    assertEquals(
        text(PL, "membership.workingGroupStatus.ACTIVE"), browser.byId("status").getText());
    assertEquals(
        text(PL, "membership.workingGroup.noCoordinator"), browser.byId("coordinator").getText());
    assertEquals("Wymiana spektakli.", browser.byId("description").getText());
    assertFalse(browser.findAll(By.id("no-members")).isEmpty());
    browser.assertAccessible();

    browser.clickAndWaitForPage(By.id("edit-working-group"));
    assertEquals("Teatry " + unique, browser.heading());
    browser.type(By.id("working-group-form:languages:1:name"), "Divadlá " + unique);
    browser.type(By.id("working-group-form:languages:0:name"), "Teatry miejskie " + unique);
    browser.assertAccessible();
    browser.clickAndWaitForPage(By.id("working-group-form:save"));
    assertEquals("Teatry miejskie " + unique, browser.heading());
    assertTrue(browser.byId("names").getText().contains("Divadlá " + unique));

    String slovak = addFirstFound("Humenné");
    assertEquals(
        List.of(text(PL, "membership.workingGroup.memberAdded", slovak)), browser.messages());
    String polish = addFirstFound("Jasło");
    assertEquals(
        List.of(text(PL, "membership.workingGroup.memberAdded", polish)), browser.messages());
    assertTrue(texts(browser.findAll(MEMBER_NAMES)).containsAll(List.of(slovak, polish)));
    browser.assertAccessible();

    browser.clickAndWaitForPage(
        By.xpath(
            "//button[@aria-label='"
                + text(PL, "membership.workingGroup.makeCoordinator")
                + ": "
                + polish
                + "']"));
    assertEquals(polish, browser.byId("coordinator").getText());
    assertEquals(
        List.of(text(PL, "membership.workingGroup.coordinatorNamed", polish)), browser.messages());
    browser.assertAccessible();

    new Select(browser.byId("status-form:new-status")).selectByValue("PAUSED");
    browser.clickAndWaitForPage(By.id("status-form:change-status"));
    String paused = text(PL, "membership.workingGroupStatus.PAUSED");
    assertEquals(paused, browser.byId("status").getText());

    browser.open("/membership/list-working-groups?status=PAUSED&text=" + unique);
    List<WebElement> rows = browser.findAll(By.cssSelector("#working-groups tbody tr"));
    assertEquals(1, rows.size());
    assertEquals("Teatry miejskie " + unique, rows.get(0).findElement(By.tagName("th")).getText());
    assertTrue(rows.get(0).getText().contains(paused));
    assertTrue(rows.get(0).getText().contains("Mesto Humenné"), rows.get(0).getText());
    assertTrue(rows.get(0).getText().contains("Miasto Jasło"), rows.get(0).getText());
    browser.assertAccessible();
  }

  @Test
  void theDemoCoordinatorManagesTheMembersOfTheCrossBorderTourismGroup() {
    browser.signIn(DemoUser.COORDINATOR);
    browser.open("/membership/list-working-groups");
    browser.clickAndWaitForPage(By.linkText("Turystyka transgraniczna"));
    assertEquals("Turystyka transgraniczna", browser.heading());
    assertEquals("Piotr Kowalski", browser.byId("coordinator").getText());
    assertTrue(browser.findAll(By.id("status-form")).isEmpty(), "only administrators");
    assertTrue(browser.findAll(By.id("edit-working-group")).isEmpty(), "only administrators");
    assertTrue(
        browser.findAll(By.xpath("//tr[th/a[text()='Piotr Kowalski']]//button")).isEmpty(),
        "the coordinator is not offered to remove themself");
    browser.assertAccessible();

    List<String> before = texts(browser.findAll(MEMBER_NAMES));
    String added = addFirstFound("Snina");
    assertEquals("/membership/view-working-group", browser.path());
    assertTrue(texts(browser.findAll(MEMBER_NAMES)).contains(added));
    assertFalse(before.contains(added));
    browser.assertAccessible();

    // Put back what the test changed: the demo group as it was.
    browser.clickAndWaitForPage(
        By.xpath(
            "//button[@aria-label='"
                + text(PL, "membership.workingGroup.remove")
                + ": "
                + added
                + "']"));
    assertEquals(
        List.of(text(PL, "membership.workingGroup.memberRemoved", added)), browser.messages());
    assertEquals(before, texts(browser.findAll(MEMBER_NAMES)));
  }

  @Test
  void aClerkReadsTheGroupsInTheirLanguage() {
    Language sk = DemoUser.CLERK.language();
    browser.signIn(DemoUser.CLERK);
    browser.open("/membership/list-working-groups?topic=TRANSPORT");
    List<WebElement> rows = browser.findAll(By.cssSelector("#working-groups tbody tr"));
    assertEquals(1, rows.size());
    assertEquals("Doprava", rows.get(0).findElement(By.tagName("th")).getText());
    assertTrue(
        rows.get(0).getText().contains(text(sk, "membership.workingGroupStatus.PAUSED")),
        rows.get(0).getText());
    browser.assertAccessible();

    browser.clickAndWaitForPage(By.linkText("Doprava"));
    assertEquals("Doprava", browser.heading());
    assertTrue(browser.byId("description").getText().startsWith("Autobusové a železničné"));
    assertTrue(browser.findAll(By.id("find-form")).isEmpty());
    assertTrue(browser.findAll(By.cssSelector("#members button")).isEmpty());
    assertEquals(3, browser.findAll(MEMBER_NAMES).size());
    browser.assertAccessible();
  }
}
