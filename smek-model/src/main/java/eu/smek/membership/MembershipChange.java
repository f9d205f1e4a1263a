package eu.smek.membership;

import eu.smek.shared.StoredFile;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/**
 * One entry of an organisation's membership history: from which status to which, effective on which
 * date, why, and the document behind it. History is never rewritten.
 */
@Entity
@Immutable
@Table(name = "membership_change")
public class MembershipChange implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "membership_change_seq")
  @SequenceGenerator(
      name = "membership_change_seq",
      sequenceName = "membership_change_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "organisation_id", nullable = false, updatable = false)
  private Organisation organisation;

  /** Null for the organisation's first status. */
  @Enumerated(EnumType.STRING)
  @Column(name = "from_status", updatable = false, length = 16)
  private MembershipStatus fromStatus;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_status", nullable = false, updatable = false, length = 16)
  private MembershipStatus toStatus;

  @Column(name = "effective_on", nullable = false, updatable = false)
  private LocalDate effectiveOn;

  @Column(updatable = false, length = 2000)
  private String reason;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "document_id", updatable = false)
  private StoredFile document;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  @Column(name = "recorded_by", updatable = false, length = 254)
  private String recordedBy;

  protected MembershipChange() {}

  public MembershipChange(
      Organisation organisation,
      MembershipStatus fromStatus,
      MembershipStatus toStatus,
      LocalDate effectiveOn,
      String reason,
      StoredFile document,
      String recordedBy) {
    this.organisation = organisation;
    this.fromStatus = fromStatus;
    this.toStatus = toStatus;
    this.effectiveOn = effectiveOn;
    this.reason = reason;
    this.document = document;
    this.recordedBy = recordedBy;
    this.recordedAt = Instant.now();
  }

  public Long getId() {
    return id;
  }

  public Organisation getOrganisation() {
    return organisation;
  }

  public MembershipStatus getFromStatus() {
    return fromStatus;
  }

  public MembershipStatus getToStatus() {
    return toStatus;
  }

  public LocalDate getEffectiveOn() {
    return effectiveOn;
  }

  public String getReason() {
    return reason;
  }

  public StoredFile getDocument() {
    return document;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public String getRecordedBy() {
    return recordedBy;
  }
}
