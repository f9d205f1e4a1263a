/**
 * What every feature shares: the base business exception that each broken rule extends, the
 * not-found and concurrent-change exceptions, and the supported languages. Nothing here knows about
 * a particular feature.
 */
package eu.smek.shared;
