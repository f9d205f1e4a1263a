/**
 * The audit log's boundary: {@link eu.smek.audit.AuditService} appends entries (in the caller's
 * transaction, or in its own when the caller's will roll back) and lets administrators and IT
 * operators search them.
 */
package eu.smek.audit;
