/**
 * Document libraries on the web: the download servlet for files and thumbnails and the REST API of
 * libraries, documents, versions and check-out. Both answer downloads the same way ({@code
 * FileAnswer}: Range, ETag, a fixed buffer), and what a user may see is decided by the service.
 */
package eu.smek.documents;
