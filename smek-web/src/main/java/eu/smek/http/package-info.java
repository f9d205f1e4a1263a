/**
 * HTTP details that every download shares, whatever the feature: how a file's name travels in a
 * {@code Content-Disposition} header.
 */
package eu.smek.http;
