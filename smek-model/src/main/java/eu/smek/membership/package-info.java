/**
 * Membership: the organisations of the network (member towns, the euroregion associations and the
 * lead partner). The membership register, cooperation cells and accessions build on these.
 */
package eu.smek.membership;
