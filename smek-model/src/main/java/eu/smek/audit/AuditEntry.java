package eu.smek.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One line of the append-only audit log. There are no setters and Hibernate treats the entity as
 * immutable (changes are not written, update and delete queries are refused), so an entry cannot be
 * changed through the application once written. Serializable because pages of entries are kept in
 * the (replicated) view state of the audit log page.
 */
@Entity
@Immutable
@Table(
    name = "audit_entry",
    indexes = {
      @Index(name = "audit_entry_occurred_at_idx", columnList = "occurred_at"),
      @Index(name = "audit_entry_actor_idx", columnList = "actor")
    })
public class AuditEntry implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
  @SequenceGenerator(
      name = "audit_entry_seq",
      sequenceName = "audit_entry_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  /**
   * The login name of whoever acted, or the name they tried to sign in with; null for the system.
   */
  @Column(updatable = false, length = 254)
  private String actor;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 32)
  private AuditAction action;

  /** What was acted on, e.g. {@code account:42}. */
  @Column(updatable = false, length = 200)
  private String target;

  @Column(updatable = false, length = 2000)
  private String details;

  /** The client's IP address as the server saw it. */
  @Column(name = "source_address", updatable = false, length = 64)
  private String sourceAddress;

  protected AuditEntry() {}

  public AuditEntry(
      Instant occurredAt,
      String actor,
      AuditAction action,
      String target,
      String details,
      String sourceAddress) {
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.action = action;
    this.target = target;
    this.details = details;
    this.sourceAddress = sourceAddress;
  }

  public Long getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getActor() {
    return actor;
  }

  public AuditAction getAction() {
    return action;
  }

  public String getTarget() {
    return target;
  }

  public String getDetails() {
    return details;
  }

  public String getSourceAddress() {
    return sourceAddress;
  }
}
