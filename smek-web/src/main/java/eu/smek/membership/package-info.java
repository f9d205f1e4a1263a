/** Membership pages and REST resources: the network's organisations. */
package eu.smek.membership;
