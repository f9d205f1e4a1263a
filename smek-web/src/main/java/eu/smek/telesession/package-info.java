/** Telesessions over REST: sessions, agenda, attendance, motions and results. */
package eu.smek.telesession;
