package eu.smek.telesession;

import eu.smek.shared.Language;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * The minutes of a telesession in one language: sanitised HTML, drafted from the session's record
 * and edited by its secretary, and the document of the session's library they were submitted for
 * approval as (the three languages are that document's language versions).
 */
@Entity
@Table(name = "telesession_minutes")
public class Minutes implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  /** The longest text the minutes may have, in characters of HTML: some 100 pages. */
  public static final int MAXIMUM_HTML = 200_000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "telesession_minutes_seq")
  @SequenceGenerator(
      name = "telesession_minutes_seq",
      sequenceName = "telesession_minutes_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @Column(name = "telesession_id", nullable = false, updatable = false)
  private long telesessionId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 2)
  private Language language;

  @Column(nullable = false, length = MAXIMUM_HTML)
  private String html;

  @Column(name = "document_id")
  private Long documentId;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  @Column(name = "changed_by", nullable = false, length = 200)
  private String changedBy;

  protected Minutes() {}

  public Minutes(long telesessionId, Language language, String html, String by, Instant at) {
    this.telesessionId = telesessionId;
    this.language = language;
    change(html, by, at);
  }

  public void change(String html, String by, Instant at) {
    this.html = html;
    this.changedBy = by;
    this.changedAt = at;
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public long getTelesessionId() {
    return telesessionId;
  }

  public Language getLanguage() {
    return language;
  }

  public String getHtml() {
    return html;
  }

  public Long getDocumentId() {
    return documentId;
  }

  public void setDocumentId(Long documentId) {
    this.documentId = documentId;
  }

  public Instant getChangedAt() {
    return changedAt;
  }

  public String getChangedBy() {
    return changedBy;
  }
}
