package eu.smek.documents;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/**
 * A stored file's content is gone or no longer matches its SHA-256: the disk or someone changed it.
 * Never served as if it were the document; the IT staff restore it from the backup.
 */
public class BlobDamagedException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  private final String sha256;

  private BlobDamagedException(String key, String sha256) {
    super(key, sha256);
    this.sha256 = sha256;
  }

  public static BlobDamagedException damaged(String sha256) {
    return new BlobDamagedException("file.damaged", sha256);
  }

  public static BlobDamagedException missing(String sha256) {
    return new BlobDamagedException("file.missing", sha256);
  }

  public String getSha256() {
    return sha256;
  }
}
