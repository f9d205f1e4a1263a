/**
 * What every page shares: the translated texts, the user's language and time zone, the menu and
 * breadcrumbs, date formatting, and the one exception handler that turns broken business rules into
 * messages on the page.
 */
package eu.smek.faces;
