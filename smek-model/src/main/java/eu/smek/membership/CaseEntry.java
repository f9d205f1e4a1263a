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
import org.hibernate.annotations.Immutable;

/**
 * One step of a membership case: who did what when, with their text and document. Never changed.
 */
@Entity
@Immutable
@Table(name = "membership_case_entry")
public class CaseEntry implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "membership_case_entry_seq")
  @SequenceGenerator(
      name = "membership_case_entry_seq",
      sequenceName = "membership_case_entry_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "case_id", nullable = false, updatable = false)
  private MembershipCase membershipCase;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 32)
  private CaseStep step;

  @Column(name = "details", updatable = false, length = 4000)
  private String text;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "document_id", updatable = false)
  private StoredFile document;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  @Column(name = "recorded_by", length = 64, updatable = false)
  private String recordedBy;

  protected CaseEntry() {}

  public CaseEntry(
      MembershipCase membershipCase, CaseStep step, String text, StoredFile document, String by) {
    this.membershipCase = membershipCase;
    this.step = step;
    this.text = text;
    this.document = document;
    this.recordedAt = Instant.now();
    this.recordedBy = by;
  }

  public Long getId() {
    return id;
  }

  public MembershipCase getMembershipCase() {
    return membershipCase;
  }

  public CaseStep getStep() {
    return step;
  }

  public String getText() {
    return text;
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
