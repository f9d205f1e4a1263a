/**
 * Membership: the organisations of the network (member towns, the euroregion associations and the
 * lead partner), their cooperation cells and people, and working groups of people from several
 * towns. Cells, organisations and working groups are the spaces other features attach to.
 */
package eu.smek.membership;
