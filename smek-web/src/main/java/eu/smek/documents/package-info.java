/**
 * Document libraries on the web: the pages and REST resources of the documents feature. The
 * full-text search page ({@code /documents/search-documents}) and its REST twin ({@code
 * /api/v1/documents/search}) show what {@code DocumentService.search} found, already restricted to
 * what the user may read.
 */
package eu.smek.documents;
