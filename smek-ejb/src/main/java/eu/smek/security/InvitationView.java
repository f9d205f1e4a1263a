package eu.smek.security;

import java.io.Serializable;
import java.time.Instant;

/** What the accept-invitation page shows of an open invitation: whom it is for, and for what. */
public record InvitationView(
    String personName, String organisationName, Role role, String suggestedLogin, Instant expiresAt)
    implements Serializable {}
