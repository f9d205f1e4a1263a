package eu.smek.documents.index;

import eu.smek.shared.Language;

/**
 * The names in the full-text index of documents, shared by the mapping that writes it and the
 * search that reads it. Each document's text goes into the fields of its own language, analysed for
 * that language, and into {@link #FOLDED}, analysed for none; a query is run against all of them,
 * each field analysing it its own way.
 */
public final class DocumentIndex {

  public static final String NAME = "document";

  /** Filters: the library and folder ids (to restrict results to what the reader may read). */
  public static final String LIBRARY = "library";

  public static final String FOLDER = "folder";

  /** Filters: the document type, language and current version's approval state, by name. */
  public static final String TYPE = "type";

  public static final String LANGUAGE = "language";
  public static final String APPROVAL = "approval";

  /** The accounts that added a version: the owner and every later author. */
  public static final String AUTHORS = "authors";

  /** When the document or its current version last changed, and when it was added. */
  public static final String UPDATED = "updated";

  public static final String CREATED = "created";

  /** Everything searchable, in lower case and without diacritics, not stemmed. */
  public static final String FOLDED = "folded";

  public static final String FOLDED_ANALYZER = "smek-folded";

  private DocumentIndex() {}

  /** Title, reference number and tags, stemmed for the language. */
  public static String title(Language language) {
    return "title_" + language.code();
  }

  /** Description, file name and the text inside the file, stemmed for the language. */
  public static String body(Language language) {
    return "body_" + language.code();
  }

  public static String analyzer(Language language) {
    return "smek-" + language.code();
  }
}
