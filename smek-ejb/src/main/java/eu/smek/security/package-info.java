/**
 * Security: who may sign in and what they may do. {@link eu.smek.security.SecurityService} checks
 * credentials (Argon2id hashes, API tokens) and throttles failed sign-ins; {@link
 * eu.smek.security.RolePermissions} turns roles into {@code feature:action[:organisation]}
 * permissions; {@link eu.smek.security.SmekRealm} hands both to Apache Shiro; {@link
 * eu.smek.security.RequiresPermission} guards service methods.
 */
package eu.smek.security;
