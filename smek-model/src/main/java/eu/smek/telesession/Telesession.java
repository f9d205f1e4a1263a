package eu.smek.telesession;

import eu.smek.shared.Visibility;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * An online session between town halls, organised by one organisation and scheduled as an event of
 * its calendar (the event holds the date and the invitations). Accounts and organisations are kept
 * by id: the session outlives neither, and its lists are read by id.
 */
@Entity
@Table(name = "telesession")
public class Telesession implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  public static final int TITLE_LENGTH = 300;
  public static final int DESCRIPTION_LENGTH = 4000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "telesession_seq")
  @SequenceGenerator(
      name = "telesession_seq",
      sequenceName = "telesession_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @Column(nullable = false, length = TITLE_LENGTH)
  private String title;

  @Column(length = DESCRIPTION_LENGTH)
  private String description;

  @Column(name = "organisation_id", nullable = false, updatable = false)
  private long organisationId;

  @Column(name = "chair_account_id", nullable = false)
  private long chairAccountId;

  @Column(name = "secretary_account_id", nullable = false)
  private long secretaryAccountId;

  @Column(name = "event_id", nullable = false, updatable = false)
  private long eventId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private TelesessionStatus status = TelesessionStatus.PLANNED;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private Visibility visibility = Visibility.NETWORK;

  @Embedded private Quorum quorum = Quorum.moreThanHalf();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "telesession_organisation",
      joinColumns = @JoinColumn(name = "telesession_id"))
  @Column(name = "organisation_id", nullable = false)
  private Set<Long> invitedOrganisations = new HashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "telesession_account", joinColumns = @JoinColumn(name = "telesession_id"))
  @Column(name = "account_id", nullable = false)
  private Set<Long> invitedAccounts = new HashSet<>();

  /** The account each organisation designated to cast its vote, by organisation. */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "telesession_delegate",
      joinColumns = @JoinColumn(name = "telesession_id"))
  @MapKeyColumn(name = "organisation_id")
  @Column(name = "account_id", nullable = false)
  private Map<Long, Long> delegates = new HashMap<>();

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt = Instant.now();

  @Column(name = "created_by", nullable = false, updatable = false, length = 200)
  private String createdBy;

  /** The agenda item the chair shows to everyone in the room. */
  @Column(name = "current_item_id")
  private Long currentItemId;

  @Column(name = "opened_at")
  private Instant openedAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  /** The session's own document library (agenda documents, minutes); null until first needed. */
  @Column(name = "library_id")
  private Long libraryId;

  /** The folder of its library that holds the minutes, hidden from non-members until published. */
  @Column(name = "minutes_folder_id")
  private Long minutesFolderId;

  protected Telesession() {}

  public Telesession(String title, long organisationId, long eventId, String createdBy) {
    this.title = title;
    this.organisationId = organisationId;
    this.eventId = eventId;
    this.createdBy = createdBy;
  }

  /** Moves to the next status, stamping when the session opened or closed. */
  public void moveTo(TelesessionStatus target, Instant now) {
    if (!status.mayMoveTo(target)) {
      throw new IllegalStateException(status + " -> " + target);
    }
    status = target;
    if (target == TelesessionStatus.OPEN) {
      openedAt = now;
    } else if (target == TelesessionStatus.CLOSED) {
      closedAt = now;
    }
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public long getOrganisationId() {
    return organisationId;
  }

  public long getChairAccountId() {
    return chairAccountId;
  }

  public void setChairAccountId(long chairAccountId) {
    this.chairAccountId = chairAccountId;
  }

  public long getSecretaryAccountId() {
    return secretaryAccountId;
  }

  public void setSecretaryAccountId(long secretaryAccountId) {
    this.secretaryAccountId = secretaryAccountId;
  }

  public long getEventId() {
    return eventId;
  }

  public TelesessionStatus getStatus() {
    return status;
  }

  public Visibility getVisibility() {
    return visibility;
  }

  public void setVisibility(Visibility visibility) {
    this.visibility = visibility;
  }

  public Quorum getQuorum() {
    return quorum;
  }

  public void setQuorum(Quorum quorum) {
    this.quorum = quorum;
  }

  public Set<Long> getInvitedOrganisations() {
    return invitedOrganisations;
  }

  public Set<Long> getInvitedAccounts() {
    return invitedAccounts;
  }

  public Map<Long, Long> getDelegates() {
    return delegates;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Long getCurrentItemId() {
    return currentItemId;
  }

  public void setCurrentItemId(Long currentItemId) {
    this.currentItemId = currentItemId;
  }

  public Instant getOpenedAt() {
    return openedAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public Long getLibraryId() {
    return libraryId;
  }

  public void setLibraryId(Long libraryId) {
    this.libraryId = libraryId;
  }

  public Long getMinutesFolderId() {
    return minutesFolderId;
  }

  public void setMinutesFolderId(Long minutesFolderId) {
    this.minutesFolderId = minutesFolderId;
  }
}
