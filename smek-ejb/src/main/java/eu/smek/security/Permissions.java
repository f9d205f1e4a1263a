package eu.smek.security;

/**
 * Every permission the application checks, in one place. A permission is {@code
 * feature:action[:scope]}, where the scope is an organisation id; Shiro's wildcard permissions make
 * {@code membership:*} imply {@code membership:manage-cell:4}.
 */
public final class Permissions {

  /** See the network's organisations and directory. */
  public static final String MEMBERSHIP_VIEW = "membership:view";

  /** Run the membership register and accessions. */
  public static final String MEMBERSHIP_MANAGE = "membership:manage";

  /** Manage one organisation's cooperation cell; append {@code :<organisation id>}. */
  public static final String MEMBERSHIP_MANAGE_CELL = "membership:manage-cell";

  /**
   * Set up, change, pause, close and reopen working groups and name their coordinators. A group's
   * coordinator manages its members without this permission (checked on the group).
   */
  public static final String MEMBERSHIP_MANAGE_WORKING_GROUPS = "membership:manage-working-groups";

  /** Use the document libraries of one's spaces and those open to the network. */
  public static final String DOCUMENTS_USE = "documents:use";

  /** Manage every library of the network, whatever its space. */
  public static final String DOCUMENTS_MANAGE = "documents:manage";

  /** See calendars and the events in them that one's spaces and the network may see. */
  public static final String CALENDAR_VIEW = "calendar:view";

  /**
   * Add, change and delete events in the calendars of one's own spaces (organisation, working
   * groups, personal calendar). The network's calendar is the association administrators' (checked
   * on the calendar).
   */
  public static final String CALENDAR_EDIT = "calendar:edit";

  /**
   * Add, change and deactivate the rooms and equipment of one organisation; append {@code
   * :<organisation id>}. Only one's own organisation's (checked on the resource).
   */
  public static final String CALENDAR_MANAGE_RESOURCES = "calendar:manage-resources";

  /**
   * See the telesessions one is invited to (in person or through one's organisation), those of
   * one's own organisation, and those open to the network.
   */
  public static final String TELESESSION_VIEW = "telesession:view";

  /**
   * Schedule and run the telesessions of one's own organisation (the association administrators:
   * every session, as they coordinate the network; checked on the session).
   */
  public static final String TELESESSION_MANAGE = "telesession:manage";

  /** Manage accounts; scoped to an organisation for town coordinators. */
  public static final String SECURITY_MANAGE_ACCOUNTS = "security:manage-accounts";

  /** Create and revoke one's own API tokens. */
  public static final String SECURITY_USE_API = "security:use-api";

  /** Read the audit log. */
  public static final String AUDIT_VIEW = "audit:view";

  /** See the server's state: database, schema version, node. */
  public static final String OPERATIONS_VIEW = "operations:view";

  private Permissions() {}

  /** The permission for one organisation, e.g. {@code membership:manage-cell:4}. */
  public static String scoped(String permission, long organisationId) {
    return permission + ":" + organisationId;
  }
}
