/**
 * Security: user accounts with their roles, API tokens and the login throttle that locks a login
 * name after repeated failures. The rules that turn roles into permissions live in the EJB module.
 */
package eu.smek.security;
