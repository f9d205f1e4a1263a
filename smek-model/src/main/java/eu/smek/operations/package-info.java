/**
 * The readiness checks of the database and the blob store, at {@code /health/ready} on the
 * management port (08-observability.cli). They live in the EAR's lib because WildFly's MicroProfile
 * Health registers only the checks its top-level CDI container sees, and that container does not
 * see the EJB or web module's beans (WFLY-12835).
 */
package eu.smek.operations;
