package eu.smek.documents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * The text found inside a version's file, for the full-text search. Made after the upload commits
 * and kept in its own table, not in {@link DocumentVersion}, so that lists of documents and their
 * versions never carry megabytes of text they do not show.
 */
@Entity
@Table(name = "document_text")
public class DocumentText implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  /**
   * At most this many characters of a file's text are kept and indexed: some 400 pages, enough for
   * any agreement or report, and the most that stays a VARCHAR on H2 (longer would be a CLOB, which
   * queries cannot cut into snippets).
   */
  public static final int MAXIMUM_CHARACTERS = 1_000_000;

  /** How the extraction went. */
  public enum Outcome {
    /** The whole text was read. */
    COMPLETE,
    /** The text was longer than {@link #MAXIMUM_CHARACTERS}: its beginning was kept. */
    TRUNCATED,
    /** The file's type has no text (an image, an archive) or it is encrypted. */
    NONE,
    /** The file could not be read, or it inflated beyond the limits: nothing was kept. */
    REFUSED,
    /**
     * The file is larger than the extraction reads at all; it is found by its name and metadata.
     */
    TOO_LARGE
  }

  @Id
  @Column(name = "version_id")
  private Long versionId;

  @Column(name = "content", length = MAXIMUM_CHARACTERS)
  private String text;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Outcome outcome;

  @Column(name = "extracted_at", nullable = false)
  private Instant extractedAt;

  protected DocumentText() {}

  public DocumentText(long versionId, String text, Outcome outcome, Instant extractedAt) {
    this.versionId = versionId;
    this.text = text;
    this.outcome = outcome;
    this.extractedAt = extractedAt;
  }

  public Long getVersionId() {
    return versionId;
  }

  public String getText() {
    return text;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  public Instant getExtractedAt() {
    return extractedAt;
  }
}
