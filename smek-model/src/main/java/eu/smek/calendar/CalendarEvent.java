package eu.smek.calendar;

import eu.smek.shared.Language;
import eu.smek.shared.Visibility;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * An event of a calendar, or one overridden occurrence of a recurring event.
 *
 * <p>Times are wall-clock times in the event's own IANA zone (an all-day event keeps midnights and
 * ends, as iCalendar does, at the midnight after its last day), so a weekly 10:00 meeting in Warsaw
 * stays at 10:00 there across DST changes. A series has an RFC 5545 RRULE and excluded dates; an
 * overridden occurrence is a row of its own with the series as master, the same UID and its
 * original start as RECURRENCE-ID. UID and SEQUENCE are what iMIP invitations will need; each
 * change raises SEQUENCE. {@code rangeStart}/{@code rangeEnd} bound every occurrence in UTC, so
 * that a date range is one indexed query and only the series that reach into it are expanded.
 *
 * <p>Room for later features: attendees and their answers, resource bookings and attachments refer
 * to an event by its id (or, from outside, by its UID and RECURRENCE-ID), in tables of their own.
 */
@Entity
@Table(name = "calendar_event")
public class CalendarEvent implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  public static final int TITLE_LENGTH = 300;
  public static final int DESCRIPTION_LENGTH = 4000;
  public static final int LOCATION_LENGTH = 500;
  public static final int RRULE_LENGTH = 500;
  public static final int CATEGORY_LENGTH = 50;
  public static final int MAXIMUM_CATEGORIES = 20;
  public static final int MAXIMUM_EXCLUDED_DATES = 1000;
  public static final int ZONE_LENGTH = 64;
  public static final int UID_LENGTH = 255;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "calendar_event_seq")
  @SequenceGenerator(
      name = "calendar_event_seq",
      sequenceName = "calendar_event_seq",
      allocationSize = 50)
  private Long id;

  @Version private long version;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "calendar_id", nullable = false)
  private EventCalendar calendar;

  @NotBlank
  @Size(max = UID_LENGTH)
  @Column(nullable = false, length = UID_LENGTH)
  private String uid;

  @Column(name = "sequence_number", nullable = false)
  private int sequence;

  /** The series this occurrence overrides; empty for a single event or a series. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "master_id")
  private CalendarEvent master;

  /** The original start of the overridden occurrence, in the series' zone. */
  @Column(name = "recurrence_id")
  private LocalDateTime recurrenceId;

  @NotBlank
  @Size(max = TITLE_LENGTH)
  @Column(nullable = false, length = TITLE_LENGTH)
  private String title;

  @Size(max = DESCRIPTION_LENGTH)
  @Column(length = DESCRIPTION_LENGTH)
  private String description;

  /** The language of title and description, when known. */
  @Enumerated(EnumType.STRING)
  @Column(length = 2)
  private Language language;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "calendar_event_text", joinColumns = @JoinColumn(name = "event_id"))
  @MapKeyEnumerated(EnumType.STRING)
  @MapKeyColumn(name = "language", length = 2)
  private Map<Language, @Valid EventText> translations = new EnumMap<>(Language.class);

  @Size(max = LOCATION_LENGTH)
  @Column(length = LOCATION_LENGTH)
  private String location;

  @Column(name = "all_day", nullable = false)
  private boolean allDay;

  @NotNull
  @Column(name = "starts_at", nullable = false)
  private LocalDateTime start;

  @NotNull
  @Column(name = "ends_at", nullable = false)
  private LocalDateTime end;

  @NotBlank
  @Size(max = ZONE_LENGTH)
  @Column(name = "time_zone", nullable = false, length = ZONE_LENGTH)
  private String timeZone;

  @Size(max = RRULE_LENGTH)
  @Column(length = RRULE_LENGTH)
  private String rrule;

  // Lazy: it may hold many rows, which a join with the other collections would multiply.
  @Size(max = MAXIMUM_EXCLUDED_DATES)
  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "calendar_event_exdate", joinColumns = @JoinColumn(name = "event_id"))
  @Column(name = "excluded_start", nullable = false)
  private Set<LocalDateTime> excludedStarts = new TreeSet<>();

  @Size(max = MAXIMUM_CATEGORIES)
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "calendar_event_category", joinColumns = @JoinColumn(name = "event_id"))
  @Column(name = "category", nullable = false, length = CATEGORY_LENGTH)
  private Set<@NotBlank @Size(max = CATEGORY_LENGTH) String> categories = new TreeSet<>();

  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Visibility visibility = Visibility.PRIVATE;

  @Column(name = "organiser_account_id")
  private Long organiserAccountId;

  @Size(max = 200)
  @Column(name = "organiser_name", length = 200)
  private String organiserName;

  @NotNull
  @Column(name = "range_start", nullable = false)
  private Instant rangeStart;

  /** Empty while the series has no end. */
  @Column(name = "range_end")
  private Instant rangeEnd;

  /** How long the range is, which slice of the range index holds the event. */
  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(name = "range_class", nullable = false, length = 5)
  private RangeClass rangeClass;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt = Instant.now();

  @Column(name = "created_by", length = 200, updatable = false)
  private String createdBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt = createdAt;

  @Column(name = "updated_by", length = 200)
  private String updatedBy;

  protected CalendarEvent() {}

  /** A new event (or series) with a new UID. */
  public CalendarEvent(EventCalendar calendar, String title) {
    this.calendar = calendar;
    this.title = title;
    this.uid = newUid();
  }

  /**
   * An event read from an iCalendar file: it keeps the file's UID, so importing the file again
   * changes it rather than adding it twice, and the file's SEQUENCE.
   */
  public static CalendarEvent imported(
      EventCalendar calendar, String title, String uid, int sequence) {
    CalendarEvent event = new CalendarEvent(calendar, title);
    event.uid = uid;
    event.sequence = sequence;
    return event;
  }

  /** A UID that no other calendar in the world has: a random UUID at the application's name. */
  public static String newUid() {
    return UUID.randomUUID() + "@smek-int";
  }

  /**
   * A new overridden occurrence of this series, as a copy of it without recurrence, starting at the
   * original time until the caller moves it.
   */
  public CalendarEvent overrideOccurrence(LocalDateTime originalStart) {
    CalendarEvent occurrence = copy(calendar);
    occurrence.uid = uid;
    occurrence.sequence = sequence;
    occurrence.master = this;
    occurrence.recurrenceId = originalStart;
    Duration length = Duration.between(start, end);
    occurrence.start = originalStart;
    occurrence.end = originalStart.plus(length);
    return occurrence;
  }

  /**
   * Makes this overridden occurrence one of another series, the one split off its series: it takes
   * that series' UID, and {@code originalStart} is where that series' rule puts it.
   */
  public void joinSeries(CalendarEvent series, LocalDateTime originalStart) {
    master = series;
    uid = series.uid;
    sequence = series.sequence;
    recurrenceId = originalStart;
  }

  /** A copy of this event as a new series (new UID), without exclusions; for splitting a series. */
  public CalendarEvent copyAsNewSeries() {
    CalendarEvent copy = copy(calendar);
    copy.uid = newUid();
    copy.rrule = rrule;
    return copy;
  }

  private CalendarEvent copy(EventCalendar into) {
    CalendarEvent copy = new CalendarEvent(into, title);
    copy.description = description;
    copy.language = language;
    copy.translations.putAll(translations);
    copy.location = location;
    copy.allDay = allDay;
    copy.start = start;
    copy.end = end;
    copy.timeZone = timeZone;
    copy.categories.addAll(categories);
    copy.visibility = visibility;
    copy.organiserAccountId = organiserAccountId;
    copy.organiserName = organiserName;
    return copy;
  }

  /** Whether this is a series (not an overridden occurrence of one). */
  public boolean isRecurring() {
    return rrule != null && master == null;
  }

  public boolean isOverride() {
    return master != null;
  }

  /** Raises SEQUENCE and records who changed the event when: every change is one. */
  public void changed(String by, Instant at) {
    sequence++;
    updatedBy = by;
    updatedAt = at;
  }

  /** The title in the reader's language if the event has one there, else as entered. */
  public String titleIn(Language reader) {
    return Optional.ofNullable(translations.get(reader)).map(EventText::getTitle).orElse(title);
  }

  /** The description in the reader's language if the event has one there, else as entered. */
  public String descriptionIn(Language reader) {
    return Optional.ofNullable(translations.get(reader))
        .map(EventText::getDescription)
        .orElse(description);
  }

  /** Categories as typed, trimmed, in lower case, without duplicates. */
  public void setCategories(Set<String> categories) {
    this.categories.clear();
    categories.stream()
        .map(category -> category.strip().toLowerCase(Locale.ROOT))
        .filter(category -> !category.isEmpty())
        .forEach(this.categories::add);
  }

  public ZoneId zone() {
    return ZoneId.of(timeZone);
  }

  public Duration length() {
    return Duration.between(start, end);
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public EventCalendar getCalendar() {
    return calendar;
  }

  public String getUid() {
    return uid;
  }

  public int getSequence() {
    return sequence;
  }

  public CalendarEvent getMaster() {
    return master;
  }

  public LocalDateTime getRecurrenceId() {
    return recurrenceId;
  }

  public void setRecurrenceId(LocalDateTime recurrenceId) {
    this.recurrenceId = recurrenceId;
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

  public Language getLanguage() {
    return language;
  }

  public void setLanguage(Language language) {
    this.language = language;
  }

  public Map<Language, EventText> getTranslations() {
    return translations;
  }

  public String getLocation() {
    return location;
  }

  public void setLocation(String location) {
    this.location = location;
  }

  public boolean isAllDay() {
    return allDay;
  }

  public LocalDateTime getStart() {
    return start;
  }

  public LocalDateTime getEnd() {
    return end;
  }

  /** Sets the times; an all-day event's are midnights, its end the midnight after its last day. */
  public void setTimes(boolean allDay, LocalDateTime start, LocalDateTime end, String timeZone) {
    this.allDay = allDay;
    this.start = start;
    this.end = end;
    this.timeZone = timeZone;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public String getRrule() {
    return rrule;
  }

  public void setRrule(String rrule) {
    this.rrule = rrule;
  }

  /** The original starts of the occurrences left out of the series (EXDATE). */
  public Set<LocalDateTime> getExcludedStarts() {
    return excludedStarts;
  }

  public Set<String> getCategories() {
    return categories;
  }

  public Visibility getVisibility() {
    return visibility;
  }

  public void setVisibility(Visibility visibility) {
    this.visibility = visibility;
  }

  public Long getOrganiserAccountId() {
    return organiserAccountId;
  }

  public String getOrganiserName() {
    return organiserName;
  }

  public void setOrganiser(Long accountId, String name) {
    this.organiserAccountId = accountId;
    this.organiserName = name;
  }

  public Instant getRangeStart() {
    return rangeStart;
  }

  public Instant getRangeEnd() {
    return rangeEnd;
  }

  public RangeClass getRangeClass() {
    return rangeClass;
  }

  /** The bounds of all occurrences in UTC, worked out by the service when the times change. */
  public void setRange(Instant rangeStart, Instant rangeEnd) {
    this.rangeStart = rangeStart;
    this.rangeEnd = rangeEnd;
    this.rangeClass = RangeClass.of(rangeStart, rangeEnd);
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public void setCreatedBy(String createdBy) {
    this.createdBy = createdBy;
    this.updatedBy = createdBy;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }
}
