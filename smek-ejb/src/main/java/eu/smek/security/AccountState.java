package eu.smek.security;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/**
 * A person's access to the application, as who manages their cell sees it: their account (if any)
 * and an invitation not yet accepted (if any).
 */
public record AccountState(
    Long accountId,
    String login,
    boolean active,
    Set<Role> roles,
    Instant invitationExpiresAt,
    Role invitedAs)
    implements Serializable {

  public static final AccountState NONE = new AccountState(null, null, false, Set.of(), null, null);

  public boolean hasAccount() {
    return accountId != null;
  }

  public boolean isInvited() {
    return invitationExpiresAt != null;
  }
}
