/**
 * Operations pages for IT staff, the readiness checks of the database and the blob store meant for
 * {@code /health/ready} (not yet found there: WildFly looks for them only in an EAR's lib, see the
 * README), and the session tracking behind the signed-in sessions metric.
 */
package eu.smek.operations;
