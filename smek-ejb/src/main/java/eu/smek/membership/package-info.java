/**
 * Membership's boundary: the network's organisations and their membership register, the towns'
 * cooperation cells with their people (the directory), and working groups of people from several
 * towns. Accessions will be added here.
 */
package eu.smek.membership;
