/**
 * Document libraries: libraries and folders attached to a space, documents with their versions,
 * check-out locks, approvals per version and linked language versions. The rules that need no
 * database (who may do what in a library, when a lock holds, when a version is approved) live in
 * these classes, so plain unit tests cover them.
 */
package eu.smek.documents;
