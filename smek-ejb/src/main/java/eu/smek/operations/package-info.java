/**
 * Operations: what the IT staff need to see about a running node. The system status (version and
 * build, node, cluster members, database, migrations, blob store, a mail test) and SMEK's figures
 * in WildFly's Micrometer registry ({@code /prometheus}). Backups will be added here.
 */
package eu.smek.operations;
