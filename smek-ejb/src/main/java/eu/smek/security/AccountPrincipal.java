package eu.smek.security;

import java.io.Serializable;

/**
 * Who is signed in, as Shiro keeps it in the HTTP session. Small and serializable so that sessions
 * replicate across a cluster; everything else about the account is read when needed.
 */
public record AccountPrincipal(long accountId, String login) implements Serializable {}
