/**
 * Operations pages for IT staff and the session tracking behind the signed-in sessions metric. The
 * readiness checks are in the model module, in the EAR's lib, where MicroProfile Health finds them.
 */
package eu.smek.operations;
