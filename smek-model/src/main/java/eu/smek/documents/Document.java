package eu.smek.documents;

import eu.smek.shared.Language;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
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
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A document in a library: its metadata, its versions (the last one current), who has it checked
 * out, and the group of documents that are the same text in other languages.
 */
@Entity
@Table(name = "document")
public class Document implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  public static final int TITLE_LENGTH = 300;
  public static final int DESCRIPTION_LENGTH = 4000;
  public static final int REFERENCE_LENGTH = 64;
  public static final int TAG_LENGTH = 50;
  public static final int MAXIMUM_TAGS = 20;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "document_seq")
  @SequenceGenerator(name = "document_seq", sequenceName = "document_seq", allocationSize = 50)
  private Long id;

  @Version private long version;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "library_id", nullable = false, updatable = false)
  private Library library;

  @ManyToOne(fetch = FetchType.EAGER)
  @JoinColumn(name = "folder_id")
  private Folder folder;

  @NotBlank
  @Size(max = TITLE_LENGTH)
  @Column(nullable = false, length = TITLE_LENGTH)
  private String title;

  @Size(max = DESCRIPTION_LENGTH)
  @Column(length = DESCRIPTION_LENGTH)
  private String description;

  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private DocumentType type = DocumentType.OTHER;

  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 2)
  private Language language;

  @Size(max = REFERENCE_LENGTH)
  @Pattern(regexp = "[\\p{L}\\p{N} ./_()-]*")
  @Column(name = "reference_number", length = REFERENCE_LENGTH)
  private String referenceNumber;

  @Size(max = MAXIMUM_TAGS)
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "document_tag", joinColumns = @JoinColumn(name = "document_id"))
  @Column(name = "tag", nullable = false, length = TAG_LENGTH)
  private Set<@NotBlank @Size(max = TAG_LENGTH) String> tags = new TreeSet<>();

  /**
   * The id of the first document of its language group: documents with the same value are the same
   * text in several languages. Its own id when it stands alone.
   */
  @Column(name = "language_group")
  private Long languageGroup;

  @Embedded private CheckOut checkOut;

  @OneToMany(mappedBy = "document", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("number")
  private List<DocumentVersion> versions = new ArrayList<>();

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt = Instant.now();

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt = createdAt;

  protected Document() {}

  public Document(
      Library library, Folder folder, String title, DocumentType type, Language language) {
    this.library = library;
    this.folder = folder;
    this.title = title;
    this.type = type;
    this.language = language;
  }

  /**
   * Adds a version, which becomes current. Refused while someone else has the document checked out;
   * an approval round still open on the previous version ends undecided, and the new version starts
   * unapproved.
   */
  public DocumentVersion addVersion(StoredContent content, String comment, Author by) {
    requireNotLockedByOther(by);
    getCurrentVersion().ifPresent(DocumentVersion::supersede);
    DocumentVersion added = new DocumentVersion(this, versions.size() + 1, content, comment, by);
    versions.add(added);
    updatedAt = by.at();
    return added;
  }

  /** Makes an older version's file current again, as a new version that says where it came from. */
  public DocumentVersion restore(int number, String comment, Author by) {
    DocumentVersion old = getVersion(number);
    DocumentVersion restored = addVersion(old.content(), comment, by);
    restored.setRestoredFrom(number);
    return restored;
  }

  /** Checks the document out, or extends one's own check-out. */
  public void checkOut(Author by, Duration duration) {
    requireNotLockedByOther(by);
    Instant since = lockAt(by.at()).map(CheckOut::getSince).orElse(by.at());
    checkOut = new CheckOut(by.accountId(), by.name(), since, by.at().plus(duration));
  }

  /** Ends one's own check-out. */
  public void checkIn(Author by) {
    CheckOut held = lockAt(by.at()).orElseThrow(NotCheckedOutException::new);
    if (!held.heldBy(by.accountId())) {
      throw new DocumentLockedException(held.getHolderName(), held.getSince());
    }
    checkOut = null;
  }

  /** A manager ends someone's check-out; returns it, for the audit log. */
  public CheckOut breakLock(Instant now) {
    CheckOut held = lockAt(now).orElseThrow(NotCheckedOutException::new);
    checkOut = null;
    return held;
  }

  /** The check-out in force at the given time: none once it expired. */
  public Optional<CheckOut> lockAt(Instant now) {
    return Optional.ofNullable(checkOut).filter(lock -> lock.heldAt(now));
  }

  /** Refuses with {@link DocumentLockedException} while someone else has it checked out. */
  public void requireNotLockedByOther(Author by) {
    Optional<CheckOut> held = lockAt(by.at());
    if (held.isPresent() && (by.accountId() == null || !held.get().heldBy(by.accountId()))) {
      throw new DocumentLockedException(held.get().getHolderName(), held.get().getSince());
    }
  }

  /** Asks for approval of the current version (older versions are history, not to be approved). */
  public void submitForApproval(int number, List<Approver> approvers) {
    if (number != versions.size()) {
      throw new ApprovalNotAllowedException("documents.approval.rule.notCurrent");
    }
    getVersion(number).submit(approvers);
  }

  /** One approver's answer on the given version. */
  public void decide(
      int number, Approval approval, boolean approve, String comment, String by, Instant at) {
    getVersion(number).decide(approval, approve, comment, by, at);
  }

  /** The latest version that was approved, which stays identifiable after newer ones. */
  public Optional<DocumentVersion> getLastApprovedVersion() {
    for (int i = versions.size() - 1; i >= 0; i--) {
      if (versions.get(i).getApprovalState() == ApprovalState.APPROVED) {
        return Optional.of(versions.get(i));
      }
    }
    return Optional.empty();
  }

  public Optional<DocumentVersion> getCurrentVersion() {
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }

  public DocumentVersion getVersion(int number) {
    if (number < 1 || number > versions.size()) {
      throw new eu.smek.shared.RecordNotFoundException(DocumentVersion.class, id + "/" + number);
    }
    return versions.get(number - 1);
  }

  /** Tags as typed, trimmed, in lower case, without duplicates. */
  public void setTags(Set<String> tags) {
    this.tags.clear();
    tags.stream()
        .map(tag -> tag.strip().toLowerCase(Locale.ROOT))
        .filter(tag -> !tag.isEmpty())
        .forEach(this.tags::add);
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public Library getLibrary() {
    return library;
  }

  public Folder getFolder() {
    return folder;
  }

  public void setFolder(Folder folder) {
    this.folder = folder;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public DocumentType getType() {
    return type;
  }

  public void setType(DocumentType type) {
    this.type = type;
  }

  public Language getLanguage() {
    return language;
  }

  public void setLanguage(Language language) {
    this.language = language;
  }

  public String getReferenceNumber() {
    return referenceNumber;
  }

  public void setReferenceNumber(String referenceNumber) {
    this.referenceNumber =
        referenceNumber == null || referenceNumber.isBlank() ? null : referenceNumber.strip();
  }

  public Set<String> getTags() {
    return tags;
  }

  public Long getLanguageGroup() {
    return languageGroup;
  }

  public void setLanguageGroup(Long languageGroup) {
    this.languageGroup = languageGroup;
  }

  public List<DocumentVersion> getVersions() {
    return versions;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public void touch(Instant at) {
    updatedAt = at;
  }
}
