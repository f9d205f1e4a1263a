package eu.smek.documents;

import eu.smek.infrastructure.FileNames;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.time.Duration;

/**
 * Where document content lives and the limits set by the server's configuration (system properties
 * set by {@code wildfly-config/src/main/cli/07-documents.cli}): {@code smek.documents.dir}, by
 * default {@code documents} in the server's data directory, which every node of a cluster must
 * reach at the same path; {@code smek.documents.max-upload-mib}, 200 by default; {@code
 * smek.documents.lock-hours}, how long a check-out holds, 8 by default.
 */
@ApplicationScoped
public class DocumentStorage {

  private BlobStore blobs;
  private long maximumBytes;
  private Duration lockDuration;

  @PostConstruct
  void configure() {
    blobs = new BlobStore(BlobStoreDirectory.configured().root());
    maximumBytes = Long.getLong("smek.documents.max-upload-mib", 200) * 1024 * 1024;
    lockDuration = Duration.ofHours(Long.getLong("smek.documents.lock-hours", 8));
  }

  /** Stores an upload whose content is accepted for a library; see {@link ContentInspector}. */
  Stored store(String submittedName, InputStream content) {
    String name = FileNames.clean(submittedName);
    String[] type = new String[1];
    BlobStore.Blob blob =
        blobs.store(content, maximumBytes, file -> type[0] = ContentInspector.inspect(file, name));
    return new Stored(new StoredContent(name, type[0], blob.size(), blob.sha256()), blob);
  }

  /** A file just stored, and the blob to take back if its transaction rolls back. */
  record Stored(StoredContent content, BlobStore.Blob blob) {}

  /**
   * {@code length} bytes from {@code offset} on of a file that {@link DocumentService#download}
   * allowed, checked chunk by chunk as {@link BlobStore#open(String, long, long)} says.
   */
  public InputStream open(DownloadableFile file, long offset, long length) {
    return blobs.open(file.sha256(), offset, length);
  }

  /** The blob store, for the readiness check and the operator's page. */
  public BlobStore blobs() {
    return blobs;
  }

  public long maximumBytes() {
    return maximumBytes;
  }

  Duration lockDuration() {
    return lockDuration;
  }
}
