package eu.smek.security;

/** A freshly created token with its secret, which is shown once and never stored. */
public record NewApiToken(ApiToken token, String secret) {}
