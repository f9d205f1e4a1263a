package eu.smek.infrastructure;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file a user uploaded, as the web tier hands it to a service: the name the browser sent (not yet
 * cleaned), its size, and its bytes, which the web tier does not read at all when the size is
 * beyond any limit (then {@code content} is null and the service refuses the file by its size).
 * What the file really is, the service finds out from the bytes.
 */
public record Upload(String name, long size, byte[] content) {

  /** Larger uploads are not read into memory at all. */
  public static final long READ_LIMIT = 20L * 1024 * 1024;

  public static Upload of(String name, byte[] content) {
    return new Upload(name, content.length, content);
  }

  /**
   * Reads an upload of unknown size, but never more than {@link #READ_LIMIT} bytes: a longer one
   * comes without content and with a size just over the limit, so the service refuses it by size.
   */
  public static Upload read(String name, InputStream in) throws IOException {
    byte[] content = in.readNBytes((int) READ_LIMIT + 1);
    return content.length > READ_LIMIT
        ? new Upload(name, content.length, null)
        : new Upload(name, content.length, content);
  }
}
