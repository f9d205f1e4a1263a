/**
 * Document libraries on the web: the download servlet for files and thumbnails, the REST API of
 * libraries, documents, versions and check-out, and the pages. Downloads are answered one way
 * ({@code FileAnswer}: Range, ETag, a fixed buffer); the full-text search page ({@code
 * /documents/search-documents}) and its REST twin ({@code /api/v1/documents/search}) show what
 * {@code DocumentService.search} found. What a user may see is always decided by the service.
 */
package eu.smek.documents;
