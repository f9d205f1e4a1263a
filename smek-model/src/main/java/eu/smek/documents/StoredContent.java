package eu.smek.documents;

import java.io.Serial;
import java.io.Serializable;

/** A file in the blob store as a version refers to it. */
public record StoredContent(String fileName, String contentType, long size, String sha256)
    implements Serializable {
  @Serial private static final long serialVersionUID = 1L;
}
