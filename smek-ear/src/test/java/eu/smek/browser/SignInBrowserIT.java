package eu.smek.browser;

import static eu.smek.browser.Browser.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import eu.smek.shared.Language;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;

/** Each role signs in, finds exactly its own pages in the menu, and signs out. */
class SignInBrowserIT extends BrowserTest {

  /** The pages of the main menu, in menu order. */
  enum MenuPage {
    DASHBOARD("/dashboard", "page.dashboard"),
    LIST_ORGANISATIONS("/membership/list-organisations", "page.listOrganisations"),
    SEARCH_DIRECTORY("/membership/search-directory", "page.searchDirectory"),
    LIST_WORKING_GROUPS("/membership/list-working-groups", "page.listWorkingGroups"),
    LIST_CASES("/membership/list-cases", "page.listCases"),
    LIST_LIBRARIES("/documents/list-libraries", "page.listLibraries"),
    SEARCH_DOCUMENTS("/documents/search-documents", "page.searchDocuments"),
    LIST_APPROVALS("/documents/list-approvals", "page.listApprovals"),
    VIEW_CALENDAR("/calendar/view-calendar", "page.viewCalendar"),
    LIST_RESOURCES("/calendar/list-resources", "page.listResources"),
    LIST_TELESESSIONS("/telesession/list-telesessions", "page.listTelesessions"),
    VIEW_AUDIT_LOG("/audit/view-audit-log", "page.viewAuditLog"),
    VIEW_SYSTEM_STATUS("/operations/view-system-status", "page.viewSystemStatus"),
    MANAGE_API_TOKENS("/security/manage-api-tokens", "page.manageApiTokens"),
    VIEW_MY_DATA("/security/view-my-data", "page.viewMyData");

    final String path;
    final String titleKey;

    MenuPage(String path, String titleKey) {
      this.path = path;
      this.titleKey = titleKey;
    }

    /** The link's id: {@code menu-} and the path with / replaced by -. */
    String linkId() {
      return "menu-" + path.substring(1).replace('/', '-');
    }
  }

  static Stream<Arguments> roles() {
    return Stream.of(
        arguments(
            DemoUser.ADMIN,
            List.of(
                MenuPage.DASHBOARD,
                MenuPage.LIST_ORGANISATIONS,
                MenuPage.SEARCH_DIRECTORY,
                MenuPage.LIST_WORKING_GROUPS,
                MenuPage.LIST_CASES,
                MenuPage.LIST_LIBRARIES,
                MenuPage.SEARCH_DOCUMENTS,
                MenuPage.LIST_APPROVALS,
                MenuPage.VIEW_CALENDAR,
                MenuPage.LIST_RESOURCES,
                MenuPage.LIST_TELESESSIONS,
                MenuPage.VIEW_AUDIT_LOG,
                MenuPage.MANAGE_API_TOKENS,
                MenuPage.VIEW_MY_DATA)),
        arguments(
            DemoUser.COORDINATOR,
            List.of(
                MenuPage.DASHBOARD,
                MenuPage.LIST_ORGANISATIONS,
                MenuPage.SEARCH_DIRECTORY,
                MenuPage.LIST_WORKING_GROUPS,
                MenuPage.LIST_LIBRARIES,
                MenuPage.SEARCH_DOCUMENTS,
                MenuPage.LIST_APPROVALS,
                MenuPage.VIEW_CALENDAR,
                MenuPage.LIST_RESOURCES,
                MenuPage.LIST_TELESESSIONS,
                MenuPage.MANAGE_API_TOKENS,
                MenuPage.VIEW_MY_DATA)),
        arguments(
            DemoUser.CLERK,
            List.of(
                MenuPage.DASHBOARD,
                MenuPage.LIST_ORGANISATIONS,
                MenuPage.SEARCH_DIRECTORY,
                MenuPage.LIST_WORKING_GROUPS,
                MenuPage.LIST_LIBRARIES,
                MenuPage.SEARCH_DOCUMENTS,
                MenuPage.LIST_APPROVALS,
                MenuPage.VIEW_CALENDAR,
                MenuPage.LIST_RESOURCES,
                MenuPage.LIST_TELESESSIONS,
                MenuPage.MANAGE_API_TOKENS,
                MenuPage.VIEW_MY_DATA)),
        arguments(
            DemoUser.OPERATOR,
            List.of(
                MenuPage.DASHBOARD,
                MenuPage.LIST_ORGANISATIONS,
                MenuPage.SEARCH_DIRECTORY,
                MenuPage.LIST_WORKING_GROUPS,
                MenuPage.LIST_LIBRARIES,
                MenuPage.SEARCH_DOCUMENTS,
                MenuPage.LIST_APPROVALS,
                MenuPage.VIEW_CALENDAR,
                MenuPage.LIST_RESOURCES,
                MenuPage.VIEW_AUDIT_LOG,
                MenuPage.VIEW_SYSTEM_STATUS,
                MenuPage.MANAGE_API_TOKENS,
                MenuPage.VIEW_MY_DATA)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roles")
  void aRoleSeesItsOwnPagesInItsLanguageAndSignsOut(DemoUser user, List<MenuPage> menu) {
    browser.signIn(user);

    Language language = user.language();
    assertEquals("/dashboard", browser.path());
    assertEquals(language, browser.language());
    assertEquals(text(language, "page.dashboard"), browser.heading());
    assertEquals(menu.stream().map(MenuPage::linkId).toList(), menuLinkIds());

    for (MenuPage page : menu) {
      browser.clickAndWaitForPage(By.id(page.linkId()));
      assertEquals(page.path, browser.path());
      assertEquals(200, browser.status(), page.path);
      assertEquals(text(language, page.titleKey), browser.heading(), page.path);
      assertEquals("page", browser.byId(page.linkId()).getDomAttribute("aria-current"));
      browser.assertAccessible();
    }

    browser.signOut();
    assertEquals("/login", browser.path());
    assertEquals(text(browser.language(), "login.signedOut"), browser.byId("signed-out").getText());
    assertEquals(List.of(), menuLinkIds());

    browser.open("/dashboard");
    assertEquals("/login", browser.path());
  }

  private static List<String> menuLinkIds() {
    return browser.findAll(By.cssSelector("nav.main-menu a")).stream()
        .map(link -> link.getDomAttribute("id"))
        .toList();
  }
}
