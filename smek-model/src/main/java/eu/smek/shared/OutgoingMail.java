package eu.smek.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An e-mail waiting to be sent, written in the same transaction as the change it reports (so no
 * mail goes out for a change that rolled back, and none is lost if the SMTP server is down). Any
 * node may send it; a node claims it first, so it goes out once on a cluster.
 */
@Entity
@Table(name = "outgoing_mail")
public class OutgoingMail {

  public static final int CALENDAR_TEXT_LENGTH = 100_000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outgoing_mail_seq")
  @SequenceGenerator(
      name = "outgoing_mail_seq",
      sequenceName = "outgoing_mail_seq",
      allocationSize = 50)
  private Long id;

  @Column(nullable = false, updatable = false, length = 254)
  private String recipient;

  @Column(nullable = false, updatable = false, length = 300)
  private String subject;

  @Column(nullable = false, updatable = false, length = 8000)
  private String body;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private int attempts;

  /** When a node may try again; a claim pushes it into the future. */
  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "last_error", length = 500)
  private String lastError;

  /** For an iMIP message: REQUEST, CANCEL or REPLY; empty for a plain e-mail. */
  @Column(name = "calendar_method", updatable = false, length = 8)
  private String calendarMethod;

  /** For an iMIP message: the iCalendar text sent as its text/calendar part. */
  @Column(name = "calendar_text", updatable = false, length = CALENDAR_TEXT_LENGTH)
  private String calendarText;

  protected OutgoingMail() {}

  public OutgoingMail(String recipient, String subject, String body) {
    this.recipient = recipient;
    this.subject = subject;
    this.body = body;
    this.createdAt = Instant.now();
    this.nextAttemptAt = createdAt;
  }

  /**
   * An e-mail that carries an iCalendar invitation, update, cancellation or reply (iMIP) besides
   * its text.
   */
  public OutgoingMail(
      String recipient, String subject, String body, String calendarMethod, String calendarText) {
    this(recipient, subject, body);
    this.calendarMethod = calendarMethod;
    this.calendarText = calendarText;
  }

  public Long getId() {
    return id;
  }

  public String getRecipient() {
    return recipient;
  }

  public String getSubject() {
    return subject;
  }

  public String getBody() {
    return body;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  public String getLastError() {
    return lastError;
  }

  public String getCalendarMethod() {
    return calendarMethod;
  }

  public String getCalendarText() {
    return calendarText;
  }
}
