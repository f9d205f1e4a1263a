package eu.smek.security;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the application holds about the signed-in user (GDPR Art. 15 and 20): the account,
 * their entry in the directory, API tokens, invitations, notifications and the audit entries about
 * them or by them. Exported as JSON.
 */
public record PersonalData(
    Instant exportedAt,
    AccountData account,
    PersonData person,
    List<String> workingGroups,
    List<TokenData> apiTokens,
    List<NotificationData> notifications,
    List<AuditData> auditEntries)
    implements Serializable {

  /**
   * A summary for a page: the same data with only the most recent notifications and audit entries,
   * newest first, so that a long history does not weigh on the session.
   */
  public PersonalData mostRecent(int entries) {
    return new PersonalData(
        exportedAt,
        account,
        person,
        workingGroups,
        apiTokens,
        newest(notifications, entries),
        newest(auditEntries, entries));
  }

  /** The names of the working groups the user belongs to, for a page. */
  public String workingGroupNames() {
    return String.join(", ", workingGroups);
  }

  private static <T> List<T> newest(List<T> oldestFirst, int count) {
    List<T> newestFirst =
        new java.util.ArrayList<>(
            oldestFirst.subList(Math.max(0, oldestFirst.size() - count), oldestFirst.size()));
    java.util.Collections.reverse(newestFirst);
    return List.copyOf(newestFirst);
  }

  public record AccountData(
      String login,
      String displayName,
      String email,
      String language,
      String organisation,
      Set<String> roles,
      boolean active,
      Instant createdAt)
      implements Serializable {}

  public record PersonData(
      String givenName,
      String familyName,
      String position,
      String email,
      String phone,
      String roleInCell,
      Map<String, String> languages,
      Set<String> topics,
      boolean teleworkAvailable,
      boolean hasPhoto)
      implements Serializable {}

  public record TokenData(
      String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt)
      implements Serializable {}

  public record NotificationData(
      Instant createdAt, String title, String body, String link, Instant readAt)
      implements Serializable {}

  public record AuditData(
      Instant occurredAt, String actor, String action, String target, String details, String from)
      implements Serializable {}
}
