package eu.smek.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * Failed sign-ins for one login name, whether or not an account has that name, so that a lock gives
 * away nothing about which accounts exist. Kept in the database so every node sees it.
 */
@Entity
@Table(name = "login_throttle")
public class LoginThrottle {

  @Id
  @Column(name = "login_key", length = 254)
  private String loginKey;

  @Version private long version;

  /** Failures since the last successful sign-in. */
  @Column(nullable = false)
  private int failures;

  @Column(name = "last_failure_at")
  private Instant lastFailureAt;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  protected LoginThrottle() {}

  public LoginThrottle(String loginKey) {
    this.loginKey = loginKey;
  }

  public String getLoginKey() {
    return loginKey;
  }

  public int getFailures() {
    return failures;
  }

  public Instant getLastFailureAt() {
    return lastFailureAt;
  }

  public Instant getLockedUntil() {
    return lockedUntil;
  }

  /** Records a failure: the count including it and the lock the policy decided (may be null). */
  public void recordFailure(Instant at, int failures, Instant lockedUntil) {
    this.failures = failures;
    this.lastFailureAt = at;
    this.lockedUntil = lockedUntil;
  }
}
