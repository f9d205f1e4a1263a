package eu.smek.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/** The bytes of a {@link StoredFile}, apart so that listing files never loads them. */
@Entity
@Table(name = "stored_file_content")
public class StoredFileContent {

  @Id private Long id;

  @MapsId
  @OneToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "id")
  private StoredFile file;

  @Column(nullable = false, updatable = false)
  private byte[] data;

  protected StoredFileContent() {}

  public StoredFileContent(StoredFile file, byte[] data) {
    this.file = file;
    this.data = data.clone();
  }

  public StoredFile getFile() {
    return file;
  }

  public byte[] getData() {
    return data.clone();
  }
}
