package eu.smek.calendar;

import eu.smek.shared.Language;
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
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * Someone invited to an event (a single event or a whole series; overridden occurrences inherit the
 * series' attendees): an account, or a person of the directory without one, with their answer. The
 * space they were invited through (themselves, their cell, organisation or working group) is kept
 * with its name at the time, so the organiser sees why they are on the list. The secret of their
 * answer link is kept only as its SHA-256, so the table gives nobody a way to answer for them.
 */
@Entity
@Table(name = "calendar_attendee")
public class Attendee implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "calendar_attendee_seq")
  @SequenceGenerator(
      name = "calendar_attendee_seq",
      sequenceName = "calendar_attendee_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "event_id", nullable = false, updatable = false)
  private CalendarEvent event;

  @Column(name = "account_id", updatable = false)
  private Long accountId;

  @Column(name = "person_id", updatable = false)
  private Long personId;

  @Column(nullable = false, updatable = false, length = 254)
  private String email;

  @Column(name = "display_name", nullable = false, length = 200)
  private String displayName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 2)
  private Language language;

  @Column(nullable = false, length = 16)
  private String role = "REQ_PARTICIPANT";

  @Enumerated(EnumType.STRING)
  @Column(name = "part_stat", nullable = false, length = 16)
  private Answer answer = Answer.NEEDS_ACTION;

  @Column(name = "answered_at")
  private Instant answeredAt;

  @Column(name = "token_hash", nullable = false, unique = true, length = 64)
  private String tokenHash;

  @Enumerated(EnumType.STRING)
  @Column(name = "invited_through_type", nullable = false, updatable = false, length = 16)
  private InviteeType invitedThroughType;

  @Column(name = "invited_through_id", nullable = false, updatable = false)
  private long invitedThroughId;

  @Column(name = "invited_through_name", nullable = false, updatable = false, length = 300)
  private String invitedThroughName;

  @Column(name = "invited_at", nullable = false, updatable = false)
  private Instant invitedAt = Instant.now();

  @Column(name = "invited_by", updatable = false, length = 200)
  private String invitedBy;

  protected Attendee() {}

  public Attendee(
      CalendarEvent event,
      Long accountId,
      Long personId,
      String email,
      String displayName,
      Language language,
      InviteeType throughType,
      long throughId,
      String throughName,
      String tokenHash,
      String invitedBy) {
    this.event = event;
    this.accountId = accountId;
    this.personId = personId;
    this.email = email;
    this.displayName = displayName.length() > 200 ? displayName.substring(0, 200) : displayName;
    this.language = language;
    this.invitedThroughType = throughType;
    this.invitedThroughId = throughId;
    this.invitedThroughName =
        throughName.length() > 300 ? throughName.substring(0, 300) : throughName;
    this.tokenHash = tokenHash;
    this.invitedBy = invitedBy;
  }

  /** A new secret for the answer link (each e-mail has one; the older links stop working). */
  public void setTokenHash(String tokenHash) {
    this.tokenHash = tokenHash;
  }

  /** Records an answer. */
  public void answer(Answer answer, Instant at) {
    this.answer = answer;
    this.answeredAt = at;
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public CalendarEvent getEvent() {
    return event;
  }

  public Long getAccountId() {
    return accountId;
  }

  public Long getPersonId() {
    return personId;
  }

  public String getEmail() {
    return email;
  }

  public String getDisplayName() {
    return displayName;
  }

  public Language getLanguage() {
    return language;
  }

  public String getRole() {
    return role;
  }

  public Answer getAnswer() {
    return answer;
  }

  public Instant getAnsweredAt() {
    return answeredAt;
  }

  public String getTokenHash() {
    return tokenHash;
  }

  public InviteeType getInvitedThroughType() {
    return invitedThroughType;
  }

  public long getInvitedThroughId() {
    return invitedThroughId;
  }

  public String getInvitedThroughName() {
    return invitedThroughName;
  }

  public Instant getInvitedAt() {
    return invitedAt;
  }

  public String getInvitedBy() {
    return invitedBy;
  }
}
