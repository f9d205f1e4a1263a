/**
 * HTTP details that every download shares, whatever the feature: how a file's name travels in a
 * {@code Content-Disposition} header, and which bytes a {@code Range} header asks for.
 */
package eu.smek.http;
