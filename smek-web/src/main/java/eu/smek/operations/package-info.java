/** Operations pages for IT staff. */
package eu.smek.operations;
