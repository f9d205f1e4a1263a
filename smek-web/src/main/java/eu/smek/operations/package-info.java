/**
 * Operations pages for IT staff, the readiness checks of the database and the blob store that
 * MicroProfile Health adds to {@code /health/ready}, and the session tracking behind the
 * signed-in sessions metric.
 */
package eu.smek.operations;
