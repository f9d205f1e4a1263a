/**
 * The audit log: an append-only record of who did what, when and from where, for sign-ins and for
 * every change to accounts, rights, members and documents.
 */
package eu.smek.audit;
