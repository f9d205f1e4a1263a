/**
 * The full-text index of documents (Hibernate Search, Lucene backend): which fields a document has
 * there and how each language's text is analysed. It lives with the entities because Hibernate
 * Search loads its configurers through the persistence unit, whose class loader sees this module
 * only; the search itself is {@code DocumentSearch} in the EJB module.
 */
package eu.smek.documents.index;
