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
 * A motion put to the vote on an agenda item. Its tallies are the only place a secret vote's
 * choices are kept; closing it records the quorum, the result and, when adopted, the resolution
 * number (n/yyyy).
 */
@Entity
@Table(name = "telesession_motion")
public class Motion implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  public static final int TEXT_LENGTH = 4000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "telesession_motion_seq")
  @SequenceGenerator(
      name = "telesession_motion_seq",
      sequenceName = "telesession_motion_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @Column(name = "telesession_id", nullable = false, updatable = false)
  private long telesessionId;

  @Column(name = "agenda_item_id", nullable = false, updatable = false)
  private long agendaItemId;

  @Column(nullable = false, length = TEXT_LENGTH, updatable = false)
  private String text;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10, updatable = false)
  private VoteKind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private MotionStatus status = MotionStatus.OPEN;

  @Column(name = "opened_at", nullable = false, updatable = false)
  private Instant openedAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "yes_count", nullable = false)
  private int yes;

  @Column(name = "no_count", nullable = false)
  private int no;

  @Column(name = "abstain_count", nullable = false)
  private int abstain;

  @Column(name = "present_count")
  private Integer present;

  @Column(name = "member_count")
  private Integer members;

  @Column(name = "quorum_reached")
  private Boolean quorumReached;

  @Column(name = "adopted")
  private Boolean adopted;

  @Column(name = "resolution_year")
  private Integer resolutionYear;

  @Column(name = "resolution_number")
  private Integer resolutionNumber;

  protected Motion() {}

  public Motion(long telesessionId, long agendaItemId, String text, VoteKind kind, Instant now) {
    this.telesessionId = telesessionId;
    this.agendaItemId = agendaItemId;
    this.text = text;
    this.kind = kind;
    this.openedAt = now;
  }

  /** Counts one choice in the tallies. */
  public void count(Choice choice) {
    switch (choice) {
      case YES -> yes++;
      case NO -> no++;
      case ABSTAIN -> abstain++;
    }
  }

  /** Closes the motion with its result; the resolution number is given separately, if adopted. */
  public void close(Instant now, int present, int members, boolean quorumReached, boolean adopted) {
    this.status = MotionStatus.CLOSED;
    this.closedAt = now;
    this.present = present;
    this.members = members;
    this.quorumReached = quorumReached;
    this.adopted = adopted;
  }

  public void numberResolution(int year, int number) {
    this.resolutionYear = year;
    this.resolutionNumber = number;
  }

  /** The resolution's number as it is cited, e.g. {@code 3/2027}; null unless adopted. */
  public String getResolution() {
    return resolutionNumber == null ? null : resolutionNumber + "/" + resolutionYear;
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

  public long getAgendaItemId() {
    return agendaItemId;
  }

  public String getText() {
    return text;
  }

  public VoteKind getKind() {
    return kind;
  }

  public MotionStatus getStatus() {
    return status;
  }

  public Instant getOpenedAt() {
    return openedAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public int getYes() {
    return yes;
  }

  public int getNo() {
    return no;
  }

  public int getAbstain() {
    return abstain;
  }

  public Integer getPresent() {
    return present;
  }

  public Integer getMembers() {
    return members;
  }

  public Boolean getQuorumReached() {
    return quorumReached;
  }

  public Boolean getAdopted() {
    return adopted;
  }

  public Integer getResolutionYear() {
    return resolutionYear;
  }

  public Integer getResolutionNumber() {
    return resolutionNumber;
  }
}
