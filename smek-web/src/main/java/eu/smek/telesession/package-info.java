/**
 * Telesessions in the browser and over REST: the list, the scheduling form and the record page
 * (agenda, attendance, votes and results), the attendance download and the REST resources.
 */
package eu.smek.telesession;
