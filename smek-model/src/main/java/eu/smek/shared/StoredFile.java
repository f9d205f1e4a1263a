package eu.smek.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * An uploaded file's description: what it is called, what type its content was found to be, how big
 * it is and its SHA-256 digest. The bytes are in {@link StoredFileContent}, read only when the file
 * is downloaded. Kept in the database, which every node of a cluster reaches.
 */
@Entity
@Table(name = "stored_file")
public class StoredFile implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "stored_file_seq")
  @SequenceGenerator(
      name = "stored_file_seq",
      sequenceName = "stored_file_seq",
      allocationSize = 50)
  private Long id;

  /** The file name as uploaded, cleaned of paths and control characters. */
  @Column(nullable = false, updatable = false, length = 255)
  private String name;

  /** The media type detected from the content, not the one the browser claimed. */
  @Column(name = "content_type", nullable = false, updatable = false, length = 100)
  private String contentType;

  @Column(nullable = false, updatable = false)
  private long size;

  @Column(nullable = false, updatable = false, length = 64)
  private String sha256;

  @Column(name = "uploaded_at", nullable = false, updatable = false)
  private Instant uploadedAt;

  @Column(name = "uploaded_by", updatable = false, length = 254)
  private String uploadedBy;

  protected StoredFile() {}

  public StoredFile(String name, String contentType, long size, String sha256, String uploadedBy) {
    this.name = name;
    this.contentType = contentType;
    this.size = size;
    this.sha256 = sha256;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = Instant.now();
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
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

  public Instant getUploadedAt() {
    return uploadedAt;
  }

  public String getUploadedBy() {
    return uploadedBy;
  }
}
