/**
 * Membership pages and REST resources: the network's organisations, cooperation cells, the
 * directory and working groups.
 */
package eu.smek.membership;
