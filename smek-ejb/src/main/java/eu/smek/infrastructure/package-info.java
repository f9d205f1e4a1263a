/**
 * What keeps the application running rather than any one feature: start-up (schema migration,
 * initial and demo data), the database's kind, and where the current request comes from.
 */
package eu.smek.infrastructure;
