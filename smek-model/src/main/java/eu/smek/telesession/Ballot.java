package eu.smek.telesession;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * That an organisation voted on a motion, and through whom: one per organisation (a unique
 * constraint). A roll-call ballot keeps its choice and time; a secret one neither, so that nothing
 * in the database links it to the motion's tallies.
 */
@Entity
@Table(name = "telesession_ballot")
public class Ballot implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "telesession_ballot_seq")
  @SequenceGenerator(
      name = "telesession_ballot_seq",
      sequenceName = "telesession_ballot_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "motion_id", nullable = false, updatable = false)
  private long motionId;

  @Column(name = "organisation_id", nullable = false, updatable = false)
  private long organisationId;

  @Column(name = "account_id", nullable = false, updatable = false)
  private long accountId;

  @Enumerated(EnumType.STRING)
  @Column(length = 10, updatable = false)
  private Choice choice;

  @Column(name = "cast_at", updatable = false)
  private Instant castAt;

  protected Ballot() {}

  private Ballot(long motionId, long organisationId, long accountId, Choice choice, Instant at) {
    this.motionId = motionId;
    this.organisationId = organisationId;
    this.accountId = accountId;
    this.choice = choice;
    this.castAt = at;
  }

  /** A named ballot, with its choice and time. */
  public static Ballot rollCall(
      long motionId, long organisationId, long accountId, Choice choice, Instant at) {
    return new Ballot(motionId, organisationId, accountId, choice, at);
  }

  /** A secret ballot: who voted, for which organisation, nothing else. */
  public static Ballot secret(long motionId, long organisationId, long accountId) {
    return new Ballot(motionId, organisationId, accountId, null, null);
  }

  public Long getId() {
    return id;
  }

  public long getMotionId() {
    return motionId;
  }

  public long getOrganisationId() {
    return organisationId;
  }

  public long getAccountId() {
    return accountId;
  }

  public Choice getChoice() {
    return choice;
  }

  public Instant getCastAt() {
    return castAt;
  }
}
