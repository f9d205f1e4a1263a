package eu.smek.documents;

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

/** One approver of a document version and their answer. */
@Entity
@Table(name = "approval")
public class Approval implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  public static final int COMMENT_LENGTH = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "approval_seq")
  @SequenceGenerator(name = "approval_seq", sequenceName = "approval_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "version_id", nullable = false, updatable = false)
  private DocumentVersion version;

  @Enumerated(EnumType.STRING)
  @Column(name = "approver_kind", nullable = false, updatable = false, length = 16)
  private ApproverKind kind;

  /** The account or organisation asked. */
  @Column(name = "approver_id", nullable = false, updatable = false)
  private long approverId;

  @Column(name = "approver_name", nullable = false, updatable = false, length = 200)
  private String approverName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Decision decision = Decision.PENDING;

  @Column(length = COMMENT_LENGTH)
  private String comment;

  @Column(name = "decided_at")
  private Instant decidedAt;

  /** Who answered: the approver, or for an organisation the coordinator who did. */
  @Column(name = "decided_by", length = 200)
  private String decidedBy;

  protected Approval() {}

  Approval(DocumentVersion version, ApproverKind kind, long approverId, String approverName) {
    this.version = version;
    this.kind = kind;
    this.approverId = approverId;
    this.approverName = approverName;
  }

  void decide(Decision decision, String comment, String decidedBy, Instant at) {
    this.decision = decision;
    this.comment = comment;
    this.decidedBy = decidedBy;
    this.decidedAt = at;
  }

  public boolean asks(ApproverKind kind, long id) {
    return this.kind == kind && approverId == id;
  }

  public Long getId() {
    return id;
  }

  public DocumentVersion getVersion() {
    return version;
  }

  public ApproverKind getKind() {
    return kind;
  }

  public long getApproverId() {
    return approverId;
  }

  public String getApproverName() {
    return approverName;
  }

  public Decision getDecision() {
    return decision;
  }

  public String getComment() {
    return comment;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public String getDecidedBy() {
    return decidedBy;
  }
}
