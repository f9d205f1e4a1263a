package eu.smek.calendar;

import eu.smek.security.Account;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A person's subscription address: calendar programs fetch their events with the secret in it,
 * without signing in. Only the secret's SHA-256 is stored; revoking deletes the feed.
 */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "calendar_feed_seq")
  @SequenceGenerator(
      name = "calendar_feed_seq",
      sequenceName = "calendar_feed_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "account_id", nullable = false, updatable = false)
  private Account account;

  @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
  private String tokenHash;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt = Instant.now();

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  protected CalendarFeed() {}

  public CalendarFeed(Account account, String tokenHash) {
    this.account = account;
    this.tokenHash = tokenHash;
  }

  public Long getId() {
    return id;
  }

  public Account getAccount() {
    return account;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getLastUsedAt() {
    return lastUsedAt;
  }

  public void used(Instant at) {
    lastUsedAt = at;
  }
}
