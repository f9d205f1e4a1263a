/**
 * Operations: what the IT staff need to see about a running node (database, schema version, node
 * name, version). Cluster, backups and metrics will be added here.
 */
package eu.smek.operations;
