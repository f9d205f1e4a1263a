package eu.smek.security;

import java.io.Serial;
import java.time.Instant;
import org.apache.shiro.authc.ExcessiveAttemptsException;

/** Shiro's signal that a login name is locked after repeated failures, with the time it opens. */
public class LoginLockedException extends ExcessiveAttemptsException {

  @Serial private static final long serialVersionUID = 1L;

  private final Instant until;

  public LoginLockedException(Instant until) {
    super("locked until " + until);
    this.until = until;
  }

  public Instant getUntil() {
    return until;
  }
}
