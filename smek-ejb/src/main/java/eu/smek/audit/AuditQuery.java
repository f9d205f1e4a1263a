package eu.smek.audit;

import java.io.Serializable;
import java.time.Instant;

/**
 * Filters for the audit log; each null field means "any".
 *
 * @param actor part of the actor's login name
 * @param action one action
 * @param from entries at or after this instant
 * @param to entries before this instant
 * @param text part of the target or details
 */
public record AuditQuery(String actor, AuditAction action, Instant from, Instant to, String text)
    implements Serializable {

  public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null);

  public AuditQuery {
    if (from != null && to != null && !from.isBefore(to)) {
      throw new InvalidDateRangeException();
    }
  }
}
