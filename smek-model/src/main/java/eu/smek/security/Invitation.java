package eu.smek.security;

import eu.smek.membership.Person;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An invitation of a person of the directory to get an account: a single-use link that expires.
 * Only the SHA-256 hash of the link's secret is stored; the account is created when the person
 * accepts and chooses a login name and password.
 */
@Entity
@Table(name = "invitation")
public class Invitation {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invitation_seq")
  @SequenceGenerator(name = "invitation_seq", sequenceName = "invitation_seq", allocationSize = 50)
  private Long id;

  @Version private long version;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "person_id", nullable = false, updatable = false)
  private Person person;

  /** The role the account gets in the person's organisation. */
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 32)
  private Role role;

  @Column(name = "token_hash", nullable = false, unique = true, updatable = false, length = 64)
  private String tokenHash;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", length = 64, updatable = false)
  private String createdBy;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "accepted_at")
  private Instant acceptedAt;

  /** Set when a newer invitation replaces this one, or when it is withdrawn. */
  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected Invitation() {}

  public Invitation(
      Person person, Role role, String tokenHash, Instant expiresAt, String createdBy) {
    this.person = person;
    this.role = role;
    this.tokenHash = tokenHash;
    this.expiresAt = expiresAt;
    this.createdBy = createdBy;
    this.createdAt = Instant.now();
  }

  /** Whether the link may still be used: neither used, nor replaced, nor expired. */
  public boolean isOpen(Instant now) {
    return acceptedAt == null && revokedAt == null && now.isBefore(expiresAt);
  }

  public Long getId() {
    return id;
  }

  public Person getPerson() {
    return person;
  }

  public Role getRole() {
    return role;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public Instant getAcceptedAt() {
    return acceptedAt;
  }

  public void accepted(Instant when) {
    this.acceptedAt = when;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }

  public void revoke(Instant when) {
    this.revokedAt = when;
  }
}
