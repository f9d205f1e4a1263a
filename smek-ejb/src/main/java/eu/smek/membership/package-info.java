/**
 * Membership's boundary: the network's organisations. The membership register, cooperation cells,
 * working groups and accessions will be added here.
 */
package eu.smek.membership;
