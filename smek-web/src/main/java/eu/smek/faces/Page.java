package eu.smek.faces;

import static eu.smek.security.Permissions.AUDIT_VIEW;
import static eu.smek.security.Permissions.CALENDAR_VIEW;
import static eu.smek.security.Permissions.DOCUMENTS_USE;
import static eu.smek.security.Permissions.MEMBERSHIP_MANAGE;
import static eu.smek.security.Permissions.MEMBERSHIP_MANAGE_WORKING_GROUPS;
import static eu.smek.security.Permissions.MEMBERSHIP_VIEW;
import static eu.smek.security.Permissions.OPERATIONS_VIEW;
import static eu.smek.security.Permissions.SECURITY_USE_API;
import static eu.smek.security.Permissions.TELESESSION_MANAGE;
import static eu.smek.security.Permissions.TELESESSION_VIEW;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every page of the application: its view, title, place in the breadcrumbs and who may see it in
 * the menu. The menu, the breadcrumbs, the dashboard's cards and each page's title and heading all
 * come from here, so a new page is added in one line.
 */
public enum Page {
  HOME("/index.xhtml", null, Access.PUBLIC, false),
  LOGIN("/login.xhtml", HOME, Access.PUBLIC, false),
  ACCEPT_INVITATION("/accept-invitation.xhtml", HOME, Access.PUBLIC, false),
  ACCESSIBILITY("/accessibility.xhtml", HOME, Access.PUBLIC, false),
  DASHBOARD("/dashboard.xhtml", null, Access.SIGNED_IN, true),
  LIST_ORGANISATIONS("/membership/list-organisations.xhtml", DASHBOARD, MEMBERSHIP_VIEW, true),
  VIEW_ORGANISATION(
      "/membership/view-organisation.xhtml", LIST_ORGANISATIONS, MEMBERSHIP_VIEW, false),
  EDIT_ORGANISATION(
      "/membership/edit-organisation.xhtml", LIST_ORGANISATIONS, MEMBERSHIP_MANAGE, false),
  SEARCH_DIRECTORY("/membership/search-directory.xhtml", DASHBOARD, MEMBERSHIP_VIEW, true),
  // Whether the user may manage this cell is checked by the page for the cell's organisation.
  VIEW_CELL("/membership/view-cell.xhtml", SEARCH_DIRECTORY, MEMBERSHIP_VIEW, false),
  EDIT_PERSON("/membership/edit-person.xhtml", SEARCH_DIRECTORY, MEMBERSHIP_VIEW, false),
  LIST_WORKING_GROUPS("/membership/list-working-groups.xhtml", DASHBOARD, MEMBERSHIP_VIEW, true),
  // Whether the user may manage the group's members (its coordinator may) is checked by the page.
  VIEW_WORKING_GROUP(
      "/membership/view-working-group.xhtml", LIST_WORKING_GROUPS, MEMBERSHIP_VIEW, false),
  EDIT_WORKING_GROUP(
      "/membership/edit-working-group.xhtml",
      LIST_WORKING_GROUPS,
      MEMBERSHIP_MANAGE_WORKING_GROUPS,
      false),
  LIST_CASES("/membership/list-cases.xhtml", DASHBOARD, MEMBERSHIP_MANAGE, true),
  OPEN_CASE("/membership/open-case.xhtml", LIST_CASES, MEMBERSHIP_MANAGE, false),
  VIEW_CASE("/membership/view-case.xhtml", LIST_CASES, MEMBERSHIP_MANAGE, false),
  LIST_LIBRARIES("/documents/list-libraries.xhtml", DASHBOARD, DOCUMENTS_USE, true),
  // What the user may do in a library or with a document is decided by DocumentService.
  VIEW_LIBRARY("/documents/view-library.xhtml", LIST_LIBRARIES, DOCUMENTS_USE, false),
  // Under the libraries, not the library: the breadcrumbs cannot know which library it is in.
  VIEW_DOCUMENT("/documents/view-document.xhtml", LIST_LIBRARIES, DOCUMENTS_USE, false),
  SEARCH_DOCUMENTS("/documents/search-documents.xhtml", DASHBOARD, DOCUMENTS_USE, true),
  LIST_APPROVALS("/documents/list-approvals.xhtml", DASHBOARD, DOCUMENTS_USE, true),
  VIEW_CALENDAR("/calendar/view-calendar.xhtml", DASHBOARD, CALENDAR_VIEW, true),
  EXCHANGE_CALENDARS("/calendar/exchange-calendars.xhtml", VIEW_CALENDAR, CALENDAR_VIEW, false),
  // Who may add and change a town's rooms (its coordinators) is decided by CalendarService.
  LIST_RESOURCES("/calendar/list-resources.xhtml", DASHBOARD, CALENDAR_VIEW, true),
  VIEW_EVENT("/calendar/view-event.xhtml", VIEW_CALENDAR, CALENDAR_VIEW, false),
  ANSWER_INVITATION("/calendar/answer-invitation.xhtml", HOME, Access.PUBLIC, false),
  LIST_TELESESSIONS("/telesession/list-telesessions.xhtml", DASHBOARD, TELESESSION_VIEW, true),
  EDIT_TELESESSION(
      "/telesession/edit-telesession.xhtml", LIST_TELESESSIONS, TELESESSION_MANAGE, false),
  // Who may run the session, vote or correct attendance is decided by TelesessionService.
  VIEW_TELESESSION(
      "/telesession/view-telesession.xhtml", LIST_TELESESSIONS, TELESESSION_VIEW, false),
  // The live room; who may enter is decided by TelesessionService.enterRoom.
  ATTEND_TELESESSION(
      "/telesession/attend-telesession.xhtml", LIST_TELESESSIONS, TELESESSION_VIEW, false),
  // Who edits, answers and publishes the minutes is decided by TelesessionService.
  EDIT_MINUTES("/telesession/edit-minutes.xhtml", VIEW_TELESESSION, TELESESSION_VIEW, false),
  VIEW_AUDIT_LOG("/audit/view-audit-log.xhtml", DASHBOARD, AUDIT_VIEW, true),
  VIEW_SYSTEM_STATUS("/operations/view-system-status.xhtml", DASHBOARD, OPERATIONS_VIEW, true),
  MANAGE_API_TOKENS("/security/manage-api-tokens.xhtml", DASHBOARD, SECURITY_USE_API, true),
  VIEW_MY_DATA("/security/view-my-data.xhtml", DASHBOARD, Access.SIGNED_IN, true),
  VIEW_NOTIFICATIONS("/security/view-notifications.xhtml", DASHBOARD, Access.SIGNED_IN, false),
  ERROR_FORBIDDEN("/WEB-INF/errorpages/403.xhtml", HOME, Access.PUBLIC, false),
  ERROR_NOT_FOUND("/WEB-INF/errorpages/404.xhtml", HOME, Access.PUBLIC, false),
  ERROR_SERVER("/WEB-INF/errorpages/500.xhtml", HOME, Access.PUBLIC, false),
  ERROR_EXPIRED("/WEB-INF/errorpages/expired.xhtml", HOME, Access.PUBLIC, false);

  /** Access rules that are not a permission. */
  static final class Access {
    static final String PUBLIC = "";
    static final String SIGNED_IN = "*signed-in*";

    private Access() {}
  }

  private final String viewId;
  private final Page parent;
  private final String permission;
  private final boolean inMenu;

  Page(String viewId, Page parent, String permission, boolean inMenu) {
    this.viewId = viewId;
    this.parent = parent;
    this.permission = permission;
    this.inMenu = inMenu;
  }

  public static Optional<Page> ofView(String viewId) {
    return Arrays.stream(values()).filter(page -> page.viewId.equals(viewId)).findFirst();
  }

  public String getViewId() {
    return viewId;
  }

  /** The extensionless URL within the application, e.g. {@code /audit/view-audit-log}. */
  public String getPath() {
    return this == HOME ? "/" : viewId.substring(0, viewId.length() - ".xhtml".length());
  }

  /** Bundle key of the page's title: {@code page.<camelCaseName>}. */
  public String getTitleKey() {
    return "page." + camelCase();
  }

  /** Bundle key of the one-line description shown on the dashboard. */
  public String getDescriptionKey() {
    return getTitleKey() + ".description";
  }

  public Page getParent() {
    return parent;
  }

  /**
   * Whether a visitor who is not signed in sees this page as a stateless view, which needs no
   * session. Not the sign-in and accept-invitation pages: their forms keep what was typed when a
   * field is refused, and a stateless view would lose it; nor the page that answers a calendar
   * invitation, whose view keeps the link's secret for the answer buttons.
   */
  public static boolean isStatelessFor(String viewId, boolean signedIn) {
    Page page = ofView(viewId).orElse(ERROR_NOT_FOUND);
    return !signedIn && page != LOGIN && page != ACCEPT_INVITATION && page != ANSWER_INVITATION;
  }

  /**
   * One of the error pages, which show no menu (they must render even when the database is down).
   */
  public boolean isError() {
    return name().startsWith("ERROR_");
  }

  String permission() {
    return permission;
  }

  boolean inMenu() {
    return inMenu;
  }

  private String camelCase() {
    String[] words = name().toLowerCase(java.util.Locale.ROOT).split("_");
    StringBuilder name = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return name.toString();
  }
}
