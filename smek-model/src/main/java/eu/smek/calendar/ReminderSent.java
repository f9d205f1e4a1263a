package eu.smek.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * That a reminder went out for one occurrence. Its key is the claim: a second run, on this node or
 * another, cannot record the same reminder and occurrence again.
 */
@Entity
@Table(name = "calendar_reminder_sent")
@IdClass(ReminderSent.Key.class)
public class ReminderSent {

  /** The reminder and the occurrence's start. */
  public record Key(Long reminderId, Instant occurrenceStart) implements Serializable {
    @Serial private static final long serialVersionUID = 1L;

    public Key() {
      this(null, null);
    }
  }

  @Id
  @Column(name = "reminder_id", nullable = false, updatable = false)
  private Long reminderId;

  @Id
  @Column(name = "occurrence_start", nullable = false, updatable = false)
  private Instant occurrenceStart;

  @Column(name = "sent_at", nullable = false, updatable = false)
  private Instant sentAt;

  protected ReminderSent() {}

  public ReminderSent(long reminderId, Instant occurrenceStart, Instant sentAt) {
    this.reminderId = reminderId;
    this.occurrenceStart = occurrenceStart;
    this.sentAt = sentAt;
  }

  public Instant getSentAt() {
    return sentAt;
  }
}
