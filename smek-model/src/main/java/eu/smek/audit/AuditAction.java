package eu.smek.audit;

/** What an audit entry records; each has a translated label {@code audit.action.<NAME>}. */
public enum AuditAction {
  LOGIN,
  LOGIN_FAILED,
  LOGIN_LOCKED,
  LOGOUT,
  ACCOUNT_CREATED,
  ACCOUNT_CHANGED,
  ACCOUNT_DEACTIVATED,
  PASSWORD_CHANGED,
  ROLES_CHANGED,
  API_TOKEN_CREATED,
  API_TOKEN_REVOKED,
  ACCESS_DENIED,
  ORGANISATION_CREATED,
  ORGANISATION_CHANGED,
  MEMBERSHIP_CHANGED
}
