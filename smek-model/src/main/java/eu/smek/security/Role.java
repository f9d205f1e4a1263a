package eu.smek.security;

import eu.smek.shared.Translatable;

/**
 * The roles of DESIGN.md. A role is held in the account's own organisation; what it allows is
 * decided in one place, {@code RolePermissions}.
 */
public enum Role implements Translatable {
  /** Runs the membership register, accessions, working groups, templates and the portal. */
  ASSOCIATION_ADMINISTRATOR,
  /** Manages the own town's cooperation cell, accounts and documents; casts the town's vote. */
  TOWN_COORDINATOR,
  /** Works in a town's cooperation cell. */
  CLERK,
  /** Runs the server: health, configuration, audit log. */
  IT_OPERATOR;

  @Override
  public String messageKey() {
    return "security.role." + name();
  }
}
