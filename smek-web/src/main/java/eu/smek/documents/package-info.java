/**
 * Document library pages: the libraries one may read and setting one up, a library's folders and
 * documents with multi-file upload, a document's versions, check-out, approval round and language
 * versions, and the approvals waiting for the user.
 */
package eu.smek.documents;
