/** The audit log's page, and the filter that records where each request comes from. */
package eu.smek.audit;
