package eu.smek.security;

import java.time.Instant;

/**
 * The outcome of a sign-in attempt. A result rather than an exception, so that the transaction that
 * records a failure still commits.
 */
public sealed interface AuthenticationResult {

  /** The credentials are right and the account is active. */
  record Success(AccountPrincipal principal) implements AuthenticationResult {}

  /**
   * Wrong password, unknown login, inactive account or unknown token: the user is not told which.
   */
  record Failure() implements AuthenticationResult {}

  /** Too many failures: the login name is locked until the given instant. */
  record Locked(Instant until) implements AuthenticationResult {}
}
