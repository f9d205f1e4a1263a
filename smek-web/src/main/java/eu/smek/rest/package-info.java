/**
 * The REST API's conventions: everything under {@code /api/v1}, JSON, documented by the OpenAPI
 * endpoint, and every error as RFC 9457 problem details in the caller's language.
 */
package eu.smek.rest;
