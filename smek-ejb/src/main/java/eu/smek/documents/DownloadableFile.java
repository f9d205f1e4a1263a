package eu.smek.documents;

import java.time.Instant;

/**
 * A file the current user may download: what to call it, its type, size and content (by SHA-256,
 * which also serves as a strong ETag, since the content never changes under that name).
 */
public record DownloadableFile(
    String fileName, String contentType, long size, String sha256, Instant lastModified) {

  public String etag() {
    return '"' + sha256 + '"';
  }
}
