package eu.smek.security;

import static eu.smek.security.Permissions.AUDIT_VIEW;
import static eu.smek.security.Permissions.CALENDAR_EDIT;
import static eu.smek.security.Permissions.CALENDAR_MANAGE_RESOURCES;
import static eu.smek.security.Permissions.CALENDAR_VIEW;
import static eu.smek.security.Permissions.DOCUMENTS_USE;
import static eu.smek.security.Permissions.MEMBERSHIP_MANAGE_CELL;
import static eu.smek.security.Permissions.MEMBERSHIP_VIEW;
import static eu.smek.security.Permissions.OPERATIONS_VIEW;
import static eu.smek.security.Permissions.SECURITY_MANAGE_ACCOUNTS;
import static eu.smek.security.Permissions.SECURITY_USE_API;
import static eu.smek.security.Permissions.TELESESSION_MANAGE;
import static eu.smek.security.Permissions.TELESESSION_VIEW;
import static eu.smek.security.Permissions.scoped;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * What each role may do. Town roles are scoped to the account's own organisation, so a town's
 * coordinator manages that town's cell and nobody else's; association administrators act on the
 * whole network.
 */
public final class RolePermissions {

  private RolePermissions() {}

  /** The permissions of one role held in the given organisation. */
  public static Set<String> of(Role role, long organisationId) {
    return switch (role) {
      case ASSOCIATION_ADMINISTRATOR ->
          Set.of(
              "membership:*",
              "security:*",
              "documents:*",
              "calendar:*",
              "telesession:*",
              AUDIT_VIEW,
              "portal:*",
              SECURITY_USE_API);
      case TOWN_COORDINATOR ->
          Set.of(
              MEMBERSHIP_VIEW,
              scoped(MEMBERSHIP_MANAGE_CELL, organisationId),
              scoped(SECURITY_MANAGE_ACCOUNTS, organisationId),
              DOCUMENTS_USE,
              CALENDAR_VIEW,
              CALENDAR_EDIT,
              scoped(CALENDAR_MANAGE_RESOURCES, organisationId),
              TELESESSION_VIEW,
              TELESESSION_MANAGE,
              SECURITY_USE_API);
      case CLERK ->
          Set.of(
              MEMBERSHIP_VIEW,
              DOCUMENTS_USE,
              CALENDAR_VIEW,
              CALENDAR_EDIT,
              TELESESSION_VIEW,
              SECURITY_USE_API);
      case IT_OPERATOR ->
          Set.of(
              MEMBERSHIP_VIEW,
              DOCUMENTS_USE,
              CALENDAR_VIEW,
              AUDIT_VIEW,
              OPERATIONS_VIEW,
              SECURITY_USE_API);
    };
  }

  /** The union of the permissions of several roles held in the same organisation. */
  public static Set<String> of(Collection<Role> roles, long organisationId) {
    Set<String> permissions = new TreeSet<>();
    roles.forEach(role -> permissions.addAll(of(role, organisationId)));
    return permissions;
  }
}
