/**
 * Security in the web tier: Shiro's environment and filters (sign-in redirects, 403 for missing
 * permissions, per-request API authentication), the sign-in page, the signed-in user in the header,
 * the API token page and the {@code /api/v1/me} resource.
 */
package eu.smek.security;
