package eu.smek.documents;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One uploaded state of a document: its file (by the SHA-256 of the content in the blob store), who
 * added it and why, and its own approval round. Versions are never changed or deleted while their
 * document exists, so an approved version stays what was approved.
 */
@Entity
@Table(name = "document_version")
public class DocumentVersion implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  public static final int COMMENT_LENGTH = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "document_version_seq")
  @SequenceGenerator(
      name = "document_version_seq",
      sequenceName = "document_version_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "document_id", nullable = false, updatable = false)
  private Document document;

  @Column(nullable = false, updatable = false)
  private int number;

  @Column(name = "file_name", nullable = false, updatable = false, length = 255)
  private String fileName;

  @Column(name = "content_type", nullable = false, updatable = false, length = 100)
  private String contentType;

  @Column(nullable = false, updatable = false)
  private long size;

  @Column(nullable = false, updatable = false, length = 64)
  private String sha256;

  @Column(length = COMMENT_LENGTH, updatable = false)
  private String comment;

  @Column(name = "author_id", updatable = false)
  private Long authorId;

  @Column(name = "author_name", nullable = false, updatable = false, length = 200)
  private String authorName;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  /** The version whose file this one brought back, if it was restored. */
  @Column(name = "restored_from", updatable = false)
  private Integer restoredFrom;

  @Enumerated(EnumType.STRING)
  @Column(name = "approval_state", nullable = false, length = 16)
  private ApprovalState approvalState = ApprovalState.NOT_SUBMITTED;

  /** A PNG preview in the blob store, made after the upload; empty until then or if none. */
  @Column(name = "thumbnail_sha256", length = 64)
  private String thumbnailSha256;

  @OneToMany(mappedBy = "version", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  private List<Approval> approvals = new ArrayList<>();

  protected DocumentVersion() {}

  DocumentVersion(Document document, int number, StoredContent content, String comment, Author by) {
    this.document = document;
    this.number = number;
    this.fileName = content.fileName();
    this.contentType = content.contentType();
    this.size = content.size();
    this.sha256 = content.sha256();
    this.comment = comment;
    this.authorId = by.accountId();
    this.authorName = by.name();
    this.createdAt = by.at();
  }

  /** The file as stored, to add it again as a new version. */
  public StoredContent content() {
    return new StoredContent(fileName, contentType, size, sha256);
  }

  /**
   * Asks the given people and organisations to approve this version. A version that is pending or
   * approved cannot be submitted again; a rejected one can, with the same or other approvers.
   */
  void submit(List<Approver> approvers) {
    if (approvers.isEmpty()) {
      throw new ApprovalNotAllowedException("documents.approval.rule.noApprovers");
    }
    if (approvalState == ApprovalState.PENDING || approvalState == ApprovalState.APPROVED) {
      throw new ApprovalNotAllowedException("documents.approval.rule.alreadySubmitted");
    }
    approvals.clear();
    approvers.stream()
        .distinct()
        .forEach(a -> approvals.add(new Approval(this, a.kind(), a.id(), a.name())));
    approvalState = ApprovalState.PENDING;
  }

  /**
   * Records one approver's answer. The version is approved when everyone approved, rejected as soon
   * as anyone rejects.
   */
  void decide(Approval approval, boolean approve, String comment, String by, Instant at) {
    if (approvalState != ApprovalState.PENDING
        || approval.getDecision() != Decision.PENDING
        || !approvals.contains(approval)) {
      throw new ApprovalNotAllowedException("documents.approval.rule.notPending");
    }
    approval.decide(approve ? Decision.APPROVED : Decision.REJECTED, comment, by, at);
    if (!approve) {
      approvalState = ApprovalState.REJECTED;
    } else if (approvals.stream().allMatch(a -> a.getDecision() == Decision.APPROVED)) {
      approvalState = ApprovalState.APPROVED;
    }
  }

  /** A newer version replaces this one: an open approval round ends undecided. */
  void supersede() {
    if (approvalState == ApprovalState.PENDING) {
      approvals.removeIf(a -> a.getDecision() == Decision.PENDING);
      approvalState = ApprovalState.NOT_SUBMITTED;
    }
  }

  public Long getId() {
    return id;
  }

  public Document getDocument() {
    return document;
  }

  public int getNumber() {
    return number;
  }

  public String getFileName() {
    return fileName;
  }

  public String getContentType() {
    return contentType;
  }

  public long getSize() {
    return size;
  }

  public String getSha256() {
    return sha256;
  }

  public String getComment() {
    return comment;
  }

  public Long getAuthorId() {
    return authorId;
  }

  public String getAuthorName() {
    return authorName;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Integer getRestoredFrom() {
    return restoredFrom;
  }

  void setRestoredFrom(Integer restoredFrom) {
    this.restoredFrom = restoredFrom;
  }

  public ApprovalState getApprovalState() {
    return approvalState;
  }

  public String getThumbnailSha256() {
    return thumbnailSha256;
  }

  public void setThumbnailSha256(String thumbnailSha256) {
    this.thumbnailSha256 = thumbnailSha256;
  }

  public List<Approval> getApprovals() {
    return approvals;
  }
}
