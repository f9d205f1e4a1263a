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
import jakarta.persistence.Version;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * One stay of one account in a telesession, for the organisation it attends for: open (present)
 * until it has a leaving time. Recorded by the room, or added or corrected by the secretary with a
 * note (someone on the phone).
 */
@Entity
@Table(name = "telesession_attendance")
public class Attendance implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  public static final int NOTE_LENGTH = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "telesession_attendance_seq")
  @SequenceGenerator(
      name = "telesession_attendance_seq",
      sequenceName = "telesession_attendance_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @Column(name = "telesession_id", nullable = false, updatable = false)
  private long telesessionId;

  @Column(name = "account_id", nullable = false, updatable = false)
  private long accountId;

  @Column(name = "organisation_id", nullable = false, updatable = false)
  private long organisationId;

  @Column(name = "joined_at", nullable = false)
  private Instant joinedAt;

  @Column(name = "left_at")
  private Instant leftAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private AttendanceSource source = AttendanceSource.AUTOMATIC;

  @Column(length = NOTE_LENGTH)
  private String note;

  @Column(name = "corrected_by", length = 200)
  private String correctedBy;

  /** The chair removed them from the room: they come back only through the lobby. */
  @Column(nullable = false)
  private boolean removed;

  protected Attendance() {}

  public Attendance(long telesessionId, long accountId, long organisationId, Instant joinedAt) {
    this.telesessionId = telesessionId;
    this.accountId = accountId;
    this.organisationId = organisationId;
    this.joinedAt = joinedAt;
  }

  /** The secretary's correction: the times as they were, why, and who says so. */
  public void correct(Instant joined, Instant left, String note, String by) {
    this.joinedAt = joined;
    this.leftAt = left;
    this.note = note;
    this.correctedBy = by;
    this.source = AttendanceSource.CORRECTED;
  }

  /** The chair ends the stay: the person goes, and must be let in again. */
  public void remove(Instant now) {
    this.leftAt = now;
    this.removed = true;
  }

  public boolean isRemoved() {
    return removed;
  }

  public boolean isPresent() {
    return leftAt == null;
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public long getTelesessionId() {
    return telesessionId;
  }

  public long getAccountId() {
    return accountId;
  }

  public long getOrganisationId() {
    return organisationId;
  }

  public Instant getJoinedAt() {
    return joinedAt;
  }

  public Instant getLeftAt() {
    return leftAt;
  }

  public void setLeftAt(Instant leftAt) {
    this.leftAt = leftAt;
  }

  public AttendanceSource getSource() {
    return source;
  }

  public String getNote() {
    return note;
  }

  public String getCorrectedBy() {
    return correctedBy;
  }
}
