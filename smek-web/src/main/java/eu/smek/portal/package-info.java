/**
 * The portal: the shell around the features. For now the public welcome page, the accessibility
 * statement and the signed-in user's dashboard; the public portal of the network comes here.
 */
package eu.smek.portal;
