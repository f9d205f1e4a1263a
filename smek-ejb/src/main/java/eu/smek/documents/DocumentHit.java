package eu.smek.documents;

import eu.smek.shared.Language;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * One document found by a search. {@code titleHtml} and {@code snippetHtml} are HTML: the
 * document's own text escaped, with the words that matched in {@code <mark>} elements and nothing
 * else, so a page may show them as they are.
 */
public record DocumentHit(
    long documentId,
    String title,
    String titleHtml,
    String snippetHtml,
    DocumentType type,
    Language language,
    long libraryId,
    String libraryName,
    String fileName,
    String authorName,
    Instant updatedAt,
    ApprovalState approvalState)
    implements Serializable {

  @Serial private static final long serialVersionUID = 1L;
}
