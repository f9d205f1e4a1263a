package eu.smek.calendar;

import eu.smek.documents.Document;
import eu.smek.documents.DocumentVersion;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * A document attached to an event, as a reader who may read the document sees it.
 *
 * @param fileName the current version's file, or null
 * @param contentType the current version's media type, or null
 * @param size the current version's size in bytes, 0 without one
 */
public record EventAttachment(
    long eventId,
    long documentId,
    String title,
    String libraryName,
    String fileName,
    String contentType,
    long size,
    Instant attachedAt,
    String attachedBy)
    implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  static EventAttachment of(EventDocument attachment) {
    Document document = attachment.getDocument();
    Optional<DocumentVersion> current = document.getCurrentVersion();
    return new EventAttachment(
        attachment.getEvent().getId(),
        document.getId(),
        document.getTitle(),
        document.getLibrary().getName(),
        current.map(DocumentVersion::getFileName).orElse(null),
        current.map(DocumentVersion::getContentType).orElse(null),
        current.map(DocumentVersion::getSize).orElse(0L),
        attachment.getAttachedAt(),
        attachment.getAttachedBy());
  }
}
