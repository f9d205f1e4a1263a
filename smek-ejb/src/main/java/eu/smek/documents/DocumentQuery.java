package eu.smek.documents;

import eu.smek.audit.InvalidDateRangeException;
import eu.smek.shared.Language;
import jakarta.validation.constraints.Size;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * A full-text search of documents; each null filter means "any".
 *
 * @param text words to find, in any of the supported languages and inflected forms; {@code "a
 *     phrase"}, {@code -word} (without) and {@code prefix*} work as in common search engines; blank
 *     lists the documents that pass the filters, newest first
 * @param libraryId only in this library
 * @param type only of this type
 * @param language only in this language
 * @param from changed at or after this instant
 * @param to changed before this instant
 * @param authorId only documents this account added a version of
 */
public record DocumentQuery(
    @Size(max = DocumentQuery.TEXT_LENGTH) String text,
    Long libraryId,
    DocumentType type,
    Language language,
    Instant from,
    Instant to,
    Long authorId)
    implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  public static final int TEXT_LENGTH = 500;

  public DocumentQuery {
    text = text == null || text.isBlank() ? null : text.strip();
    if (from != null && to != null && !from.isBefore(to)) {
      throw new InvalidDateRangeException();
    }
  }

  /** Words only, no filters. */
  public static DocumentQuery of(String text) {
    return new DocumentQuery(text, null, null, null, null, null, null);
  }
}
