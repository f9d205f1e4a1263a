package eu.smek.calendar;

import static eu.smek.security.Permissions.CALENDAR_EDIT;
import static eu.smek.security.Permissions.CALENDAR_MANAGE_RESOURCES;
import static eu.smek.security.Permissions.CALENDAR_VIEW;

import eu.smek.audit.AuditAction;
import eu.smek.audit.AuditService;
import eu.smek.membership.Organisation;
import eu.smek.membership.SpaceMembership;
import eu.smek.security.AccessDeniedException;
import eu.smek.security.Account;
import eu.smek.security.Guard;
import eu.smek.security.Permissions;
import eu.smek.security.RequiresPermission;
import eu.smek.security.Subjects;
import eu.smek.shared.ConcurrentChangeException;
import eu.smek.shared.RecordNotFoundException;
import eu.smek.shared.SpaceRef;
import eu.smek.shared.SpaceType;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Calendars and their events. Every space has a calendar, made the first time one of its members
 * lists their calendars. Who sees an event follows from its calendar's space and its visibility:
 * members of the space see all of it, other signed-in users what is open to the network, visitors
 * what is public; a calendar or event the caller may not see is reported as not found, so that
 * other towns do not even learn it exists. Members of a space with {@code calendar:edit} change its
 * events (the network's calendar: the association administrators).
 *
 * <p>Every change raises the event's SEQUENCE and is audited; a change made against an older
 * version than the stored one is refused ({@link ConcurrentChangeException}), the row being locked
 * first so that two parallel changes cannot both pass the check.
 */
@Stateless
public class CalendarService {

  /** The longest date range one request may expand. */
  public static final int MAXIMUM_RANGE_DAYS = 366;

  /** The most calendars one request may overlay. */
  public static final int MAXIMUM_CALENDARS = 500;

  /**
   * An all-day event is the same dates everywhere: its UTC bounds are widened by the most any zone
   * is off UTC.
   */
  private static final Duration ALL_DAY_MARGIN = Duration.ofHours(14);

  private static final int EARLIEST_YEAR = 1900;
  private static final int LATEST_YEAR = 2200;
  private static final Duration LONGEST_EVENT = Duration.ofDays(366);

  @PersistenceContext private EntityManager em;
  @Inject private SpaceMembership spaces;
  @Inject private AuditService audit;
  @Inject private Guard guard;

  // Calendars

  /**
   * The calendars the caller sees: those of their own spaces first (the network's, their
   * organisation's, their working groups', their own), made if they do not exist yet, then the
   * other organisations' and working groups' calendars, whose events open to the network they see.
   */
  @RequiresPermission(CALENDAR_VIEW)
  public List<CalendarSummary> calendars() {
    Account me = me();
    Set<SpaceRef> own = new LinkedHashSet<>();
    own.add(SpaceRef.NETWORK);
    own.add(new SpaceRef(SpaceType.ORGANISATION, me.getOrganisation().getId()));
    spaces.spacesOf(me).stream()
        .filter(space -> space.getType() == SpaceType.WORKING_GROUP)
        .forEach(own::add);
    if (me.getPerson() != null) {
      own.add(new SpaceRef(SpaceType.PERSON, me.getPerson().getId()));
    }
    Map<SpaceRef, EventCalendar> existing = new HashMap<>();
    em
        .createQuery(
            "select c from EventCalendar c where c.space.type <> :person or c.space.id = :me",
            EventCalendar.class)
        .setParameter("person", SpaceType.PERSON)
        .setParameter("me", me.getPerson() == null ? -1L : me.getPerson().getId())
        .getResultList()
        .stream()
        .filter(c -> c.getSpace().getType() != SpaceType.PERSON || own.contains(c.getSpace()))
        .forEach(c -> existing.put(c.getSpace(), c));
    Map<EventCalendar, String> names = new LinkedHashMap<>();
    for (SpaceRef space : own) {
      EventCalendar calendar = existing.remove(space);
      names.put(calendar == null ? make(space) : calendar, spaces.nameOf(space));
    }
    existing.values().stream()
        .map(c -> Map.entry(c, spaces.nameOf(c.getSpace())))
        .sorted(Map.Entry.comparingByValue())
        .forEach(entry -> names.put(entry.getKey(), entry.getValue()));
    List<CalendarSummary> summaries = new ArrayList<>();
    names.forEach(
        (calendar, name) ->
            summaries.add(
                new CalendarSummary(
                    calendar,
                    name,
                    spaces.includes(calendar.getSpace(), me),
                    mayEdit(calendar, me))));
    return summaries;
  }

  /**
   * Makes a space's calendar. Two first requests for one space may come at once (a user with two
   * tabs): creations are taken one at a time, under a lock on the network's calendar (which V13
   * seeds, so it always exists), and the second finds the first's calendar instead of breaking the
   * one-per-space constraint.
   */
  private EventCalendar make(SpaceRef space) {
    em.createQuery("select c from EventCalendar c where c.space = :network", EventCalendar.class)
        .setParameter("network", SpaceRef.NETWORK)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getSingleResult();
    List<EventCalendar> made =
        em.createQuery("select c from EventCalendar c where c.space = :space", EventCalendar.class)
            .setParameter("space", space)
            .getResultList();
    if (!made.isEmpty()) {
      return made.get(0);
    }
    EventCalendar calendar = new EventCalendar(space);
    em.persist(calendar);
    audit.record(AuditAction.CALENDAR_CREATED, "calendar:" + space, spaces.nameOf(space));
    return calendar;
  }

  // Events

  /** An event (or overridden occurrence) the caller may see, with its excluded dates. */
  public CalendarEvent getEvent(long eventId) {
    CalendarEvent event = visible(eventId, false);
    event.getExcludedStarts().size();
    return event;
  }

  /** Whether the caller may change the event. */
  public boolean mayEdit(CalendarEvent event) {
    return Subjects.principal().isPresent()
        && Subjects.isPermitted(CALENDAR_EDIT)
        && mayEdit(event.getCalendar(), me());
  }

  @RequiresPermission(CALENDAR_EDIT)
  public CalendarEvent createEvent(long calendarId, @NotNull @Valid EventDraft draft) {
    EventCalendar calendar = em.find(EventCalendar.class, calendarId);
    Account me = me();
    if (calendar == null || !seesCalendar(calendar, Optional.of(me))) {
      throw new RecordNotFoundException(EventCalendar.class, calendarId);
    }
    if (!mayEdit(calendar, me)) {
      refuse("CalendarService.createEvent", "calendar:" + calendarId);
    }
    CalendarEvent event = new CalendarEvent(calendar, draft.title().strip());
    apply(event, draft, true);
    event.setOrganiser(me.getId(), me.getDisplayName());
    event.setCreatedBy(me.getLogin());
    em.persist(event);
    em.flush();
    audit.record(AuditAction.CALENDAR_EVENT_CREATED, target(event), describe(event));
    return event;
  }

  /**
   * Changes an event read at {@code expectedVersion}. For a series, the scope says which
   * occurrences: {@link EditScope#ONE} makes the occurrence that started at {@code occurrence} an
   * overridden one; {@link EditScope#THIS_AND_FOLLOWING} ends the series before it and starts a new
   * series (new UID) with the draft, carrying over excluded dates, while the overridden occurrences
   * from there on are dropped; {@link EditScope#SERIES} changes every occurrence (a new start moves
   * the excluded dates and overridden occurrences with it). A single event is changed whatever the
   * scope; an overridden occurrence only as {@link EditScope#ONE}.
   *
   * @param occurrence the original start of the occurrence, in the series' zone
   * @return the event that now holds the change: the series, the overridden occurrence or the new
   *     series
   */
  @RequiresPermission(CALENDAR_EDIT)
  public CalendarEvent updateEvent(
      long eventId,
      long expectedVersion,
      EditScope scope,
      LocalDateTime occurrence,
      @NotNull @Valid EventDraft draft) {
    CalendarEvent changed = change(eventId, expectedVersion, scope, occurrence, draft);
    // Rooms and equipment: the resources the event holds must still be free at its new times.
    checkBookingsAfterChange(eventId, changed);
    return changed;
  }

  private CalendarEvent change(
      long eventId,
      long expectedVersion,
      EditScope scope,
      LocalDateTime occurrence,
      EventDraft draft) {
    CalendarEvent event = editable(eventId, expectedVersion);
    if (event.isOverride()) {
      if (scope != null && scope != EditScope.ONE) {
        throw new NotASeriesException();
      }
      apply(event, draft, false);
      event.setVisibility(event.getMaster().getVisibility());
      changed(event, "occurrence " + event.getRecurrenceId());
      return event;
    }
    if (!event.isRecurring()
        || scope == null
        || scope == EditScope.SERIES
        || (scope == EditScope.THIS_AND_FOLLOWING && event.getStart().equals(occurrence))) {
      changeSeries(event, draft);
      return event;
    }
    LocalDateTime start = requireOccurrence(event, occurrence);
    return scope == EditScope.ONE ? changeOne(event, start, draft) : split(event, start, draft);
  }

  /**
   * Deletes an event read at {@code expectedVersion}; for a series, one occurrence (an excluded
   * date), this and the following ones (the series ends before it), or the whole series with its
   * overridden occurrences (also without a scope; an overridden occurrence: just it).
   */
  @RequiresPermission(CALENDAR_EDIT)
  public void deleteEvent(
      long eventId, long expectedVersion, EditScope scope, LocalDateTime occurrence) {
    CalendarEvent event = editable(eventId, expectedVersion);
    if (event.isOverride()) {
      if (scope != null && scope != EditScope.ONE) {
        throw new NotASeriesException();
      }
      CalendarEvent master = event.getMaster();
      master.getExcludedStarts().add(event.getRecurrenceId());
      em.remove(event);
      changed(master, "occurrence " + event.getRecurrenceId() + " deleted");
      audit.record(AuditAction.CALENDAR_EVENT_DELETED, target(event), describe(event));
      return;
    }
    if (!event.isRecurring()
        || scope == null
        || scope == EditScope.SERIES
        || (scope == EditScope.THIS_AND_FOLLOWING && event.getStart().equals(occurrence))) {
      overridesOf(event).forEach(em::remove);
      em.flush();
      em.remove(event);
      audit.record(AuditAction.CALENDAR_EVENT_DELETED, target(event), describe(event));
      return;
    }
    LocalDateTime start = requireOccurrence(event, occurrence);
    if (scope == EditScope.ONE) {
      overrideAt(event, start).ifPresent(em::remove);
      event.getExcludedStarts().add(start);
    } else {
      overridesOf(event).stream()
          .filter(o -> !o.getRecurrenceId().isBefore(start))
          .forEach(em::remove);
      event.getExcludedStarts().removeIf(excluded -> !excluded.isBefore(start));
      event.setRrule(
          Recurrences.endingBefore(event.getRrule(), start, event.isAllDay(), event.zone()));
    }
    updateRange(event);
    event.changed(me().getLogin(), Instant.now());
    audit.record(
        AuditAction.CALENDAR_EVENT_DELETED,
        target(event),
        scope + " " + start + ": " + event.getTitle());
  }

  // Occurrences

  /**
   * The occurrences in the given calendars that the caller may see, from the start of {@code from}
   * to the start of {@code to} in the reader's {@code zone}, in start order. Only the events whose
   * bounds reach into the range are read, and only their series are expanded. Visitors (not signed
   * in) see public events only.
   */
  public List<Occurrence> occurrences(
      @NotNull @Size(min = 1, max = MAXIMUM_CALENDARS) Set<@NotNull Long> calendarIds,
      @NotNull LocalDate from,
      @NotNull LocalDate to,
      @NotNull ZoneId zone) {
    long days = ChronoUnit.DAYS.between(from, to);
    if (days < 1 || days > MAXIMUM_RANGE_DAYS) {
      throw new RangeTooLongException(MAXIMUM_RANGE_DAYS);
    }
    Optional<Account> account = account();
    List<Long> member = new ArrayList<>(List.of(-1L));
    List<Long> other = new ArrayList<>(List.of(-1L));
    for (Long id : calendarIds) {
      EventCalendar calendar = em.find(EventCalendar.class, id);
      if (calendar == null || !seesCalendar(calendar, account)) {
        throw new RecordNotFoundException(EventCalendar.class, id);
      }
      (isMember(calendar, account) ? member : other).add(id);
    }
    Instant start = from.atStartOfDay(zone).toInstant();
    Instant end = to.atStartOfDay(zone).toInstant();
    List<CalendarEvent> events =
        new ArrayList<>(
            em.createQuery(
                    "select e from CalendarEvent e where e.rangeStart < :end"
                        + " and (e.rangeEnd is null or e.rangeEnd > :start)"
                        + " and (e.calendar.id in :member"
                        + " or (e.calendar.id in :other and e.visibility in :open))",
                    CalendarEvent.class)
                .setParameter("start", start)
                .setParameter("end", end)
                .setParameter("member", member)
                .setParameter("other", other)
                .setParameter("open", EventCalendar.visibleTo(false, account.isPresent()))
                .getResultList());
    // Overridden occurrences of the series found, also those moved out of the range: they replace
    // an occurrence that may be in it.
    Set<Long> found = new HashSet<>();
    List<Long> series = new ArrayList<>();
    for (CalendarEvent event : events) {
      found.add(event.getId());
      if (event.isRecurring()) {
        series.add(event.getId());
      }
    }
    for (int i = 0; i < series.size(); i += 500) {
      em.createQuery(
              "select e from CalendarEvent e where e.master.id in :series", CalendarEvent.class)
          .setParameter("series", series.subList(i, Math.min(series.size(), i + 500)))
          .getResultStream()
          .filter(override -> found.add(override.getId()))
          .forEach(events::add);
    }
    return Recurrences.expand(events, start, end, zone);
  }

  // Changes

  private void changeSeries(CalendarEvent event, EventDraft draft) {
    LocalDateTime oldStart = event.getStart();
    apply(event, draft, true);
    Duration shift = Duration.between(oldStart, event.getStart());
    List<CalendarEvent> overrides = overridesOf(event);
    if (event.getRrule() == null) {
      overrides.forEach(em::remove);
      event.getExcludedStarts().clear();
    } else if (!shift.isZero()) {
      Set<LocalDateTime> moved = new TreeSet<>();
      event.getExcludedStarts().forEach(excluded -> moved.add(excluded.plus(shift)));
      event.getExcludedStarts().clear();
      event.getExcludedStarts().addAll(moved);
      for (CalendarEvent override : overrides) {
        override.setRecurrenceId(override.getRecurrenceId().plus(shift));
        override.changed(me().getLogin(), Instant.now());
      }
    }
    overrides.forEach(o -> o.setVisibility(event.getVisibility()));
    changed(event, "series");
  }

  private CalendarEvent changeOne(CalendarEvent series, LocalDateTime start, EventDraft draft) {
    Optional<CalendarEvent> existing = overrideAt(series, start);
    CalendarEvent override = existing.orElseGet(() -> series.overrideOccurrence(start));
    apply(override, draft, false);
    override.setVisibility(series.getVisibility());
    if (existing.isEmpty()) {
      override.setCreatedBy(me().getLogin());
      em.persist(override);
    }
    changed(override, "occurrence " + start);
    // The series changes too (its version and SEQUENCE), so an edit of it read before this one is
    // refused rather than silently overriding the occurrence again.
    series.changed(me().getLogin(), Instant.now());
    return override;
  }

  private CalendarEvent split(CalendarEvent series, LocalDateTime start, EventDraft draft) {
    String oldRule = series.getRrule();
    CalendarEvent next = series.copyAsNewSeries();
    apply(next, draft, true);
    int count = Recurrences.countOf(oldRule);
    if (count > 0 && oldRule.equals(next.getRrule())) {
      int before =
          Recurrences.startsBetween(series, series.getStart(), start.minusSeconds(1)).size();
      next.setRrule(Recurrences.withCount(oldRule, Math.max(1, count - before)));
    }
    Duration shift = Duration.between(start, next.getStart());
    if (next.getRrule() != null) {
      series.getExcludedStarts().stream()
          .filter(excluded -> !excluded.isBefore(start))
          .forEach(excluded -> next.getExcludedStarts().add(excluded.plus(shift)));
    }
    series.getExcludedStarts().removeIf(excluded -> !excluded.isBefore(start));
    overridesOf(series).stream()
        .filter(o -> !o.getRecurrenceId().isBefore(start))
        .forEach(em::remove);
    series.setRrule(Recurrences.endingBefore(oldRule, start, series.isAllDay(), series.zone()));
    updateRange(series);
    changed(series, "ends before " + start);
    next.setCreatedBy(me().getLogin());
    updateRange(next);
    em.persist(next);
    em.flush();
    audit.record(
        AuditAction.CALENDAR_EVENT_CREATED,
        target(next),
        "from " + target(series) + " " + describe(next));
    return next;
  }

  /** Takes the draft over; the rule only for a single event or series, not an occurrence. */
  private void apply(CalendarEvent event, EventDraft draft, boolean withRule) {
    ZoneId zone = TimeZones.of(draft.timeZone());
    checkTimes(draft);
    event.setTitle(draft.title().strip());
    event.setDescription(blankToNull(draft.description()));
    event.setLanguage(draft.language());
    event.getTranslations().clear();
    event.getTranslations().putAll(draft.translations());
    event.setLocation(blankToNull(draft.location()));
    event.setCategories(draft.categories());
    event.setVisibility(draft.visibility());
    event.setTimes(draft.allDay(), draft.start(), draft.end(), zone.getId());
    if (withRule) {
      event.setRrule(Recurrences.normalise(draft.rrule(), draft.allDay(), zone));
    }
    updateRange(event);
  }

  private static void checkTimes(EventDraft draft) {
    boolean wholeDays =
        !draft.allDay()
            || (draft.start().toLocalTime().equals(LocalTime.MIDNIGHT)
                && draft.end().toLocalTime().equals(LocalTime.MIDNIGHT));
    if (!draft.end().isAfter(draft.start())
        || !wholeDays
        || draft.start().getYear() < EARLIEST_YEAR
        || draft.end().getYear() > LATEST_YEAR
        || Duration.between(draft.start(), draft.end()).compareTo(LONGEST_EVENT) > 0) {
      throw new EventTimesInvalidException();
    }
  }

  /** The UTC bounds of every occurrence, for the range query. */
  private static void updateRange(CalendarEvent event) {
    ZoneId zone = event.zone();
    Duration margin = event.isAllDay() ? ALL_DAY_MARGIN : Duration.ZERO;
    Instant start = event.getStart().atZone(zone).toInstant().minus(margin);
    Instant end =
        event.isRecurring()
            ? Recurrences.lastStart(event)
                .map(last -> last.plus(event.length()).atZone(zone).toInstant().plus(margin))
                .orElse(null)
            : event.getEnd().atZone(zone).toInstant().plus(margin);
    event.setRange(start, end);
  }

  private void changed(CalendarEvent event, String what) {
    event.changed(me().getLogin(), Instant.now());
    audit.record(AuditAction.CALENDAR_EVENT_CHANGED, target(event), what + ": " + describe(event));
  }

  private LocalDateTime requireOccurrence(CalendarEvent series, LocalDateTime start) {
    if (start == null
        || series.getExcludedStarts().contains(start)
        || !Recurrences.startsBetween(series, start, start).contains(start)) {
      throw new NoSuchOccurrenceException(start);
    }
    return start;
  }

  private Optional<CalendarEvent> overrideAt(CalendarEvent series, LocalDateTime start) {
    return overridesOf(series).stream().filter(o -> o.getRecurrenceId().equals(start)).findFirst();
  }

  private List<CalendarEvent> overridesOf(CalendarEvent series) {
    return em.createQuery(
            "select e from CalendarEvent e where e.master = :series order by e.recurrenceId",
            CalendarEvent.class)
        .setParameter("series", series)
        .getResultList();
  }

  // Rules of access

  /**
   * An event the caller may change, locked, at the version they read: an event they may not see is
   * not found, one they may only see is refused (both audited).
   */
  private CalendarEvent editable(long eventId, long expectedVersion) {
    CalendarEvent event = visible(eventId, true);
    if (!mayEdit(event.getCalendar(), me())) {
      refuse("CalendarService", target(event));
    }
    if (event.getVersion() != expectedVersion) {
      throw new ConcurrentChangeException();
    }
    return event;
  }

  private CalendarEvent visible(long eventId, boolean lock) {
    CalendarEvent event =
        em.find(
            CalendarEvent.class,
            eventId,
            lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE);
    if (event == null) {
      throw new RecordNotFoundException(CalendarEvent.class, eventId);
    }
    Optional<Account> account = account();
    if (!seesCalendar(event.getCalendar(), account)
        || !EventCalendar.visibleTo(isMember(event.getCalendar(), account), account.isPresent())
            .contains(event.getVisibility())) {
      audit.recordIndependently(AuditAction.ACCESS_DENIED, "CalendarService", target(event));
      throw new RecordNotFoundException(CalendarEvent.class, eventId);
    }
    return event;
  }

  /** Personal calendars are their person's alone; every other calendar may be looked at. */
  private boolean seesCalendar(EventCalendar calendar, Optional<Account> account) {
    return calendar.getSpace().getType() != SpaceType.PERSON || isMember(calendar, account);
  }

  private boolean isMember(EventCalendar calendar, Optional<Account> account) {
    return account.isPresent() && spaces.includes(calendar.getSpace(), account.get());
  }

  /** The network's calendar is its coordinators'; any other, its members' with the right. */
  private boolean mayEdit(EventCalendar calendar, Account account) {
    SpaceRef space = calendar.getSpace();
    if (space.getType() == SpaceType.NETWORK) {
      return spaces.coordinates(space, account);
    }
    return spaces.includes(space, account) && Subjects.isPermitted(CALENDAR_EDIT);
  }

  private void refuse(String operation, String target) {
    audit.recordIndependently(AuditAction.ACCESS_DENIED, operation, target);
    throw new AccessDeniedException(CALENDAR_EDIT + ":" + target);
  }

  // Helpers

  private Optional<Account> account() {
    return Subjects.principal().map(p -> em.find(Account.class, p.accountId()));
  }

  private Account me() {
    return em.find(Account.class, Subjects.requirePrincipal().accountId());
  }

  private static String target(CalendarEvent event) {
    return "calendar-event:" + event.getId();
  }

  private static String describe(CalendarEvent event) {
    return event.getTitle()
        + ", "
        + event.getStart()
        + " "
        + event.getTimeZone()
        + ", "
        + event.getVisibility()
        + (event.getRrule() == null ? "" : ", " + event.getRrule());
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  // ---------------------------------------------------------------------------------------------
  // Rooms and equipment: bookable resources, bookings and free/busy (issue 6)
  // ---------------------------------------------------------------------------------------------

  /**
   * Where the far end of an unending series is put in the query for bookings that may overlap (no
   * event ends after the year 2200).
   */
  private static final Instant NO_END = Instant.parse("2300-01-01T00:00:00Z");

  /**
   * The rooms and equipment of the network's town halls, of one organisation if given: every active
   * one, and the deactivated ones of the caller's own organisation if they manage them (so they can
   * offer them again); by organisation, kind and name.
   */
  @RequiresPermission(CALENDAR_VIEW)
  public List<BookableResource> resources(Long organisationId) {
    Account me = me();
    boolean manager = mayManageResources();
    return em.createQuery(
            "select r from BookableResource r where (:organisation is null or r.organisation.id ="
                + " :organisation) and (r.active = true or (:manager = true and r.organisation.id"
                + " = :own)) order by r.organisation.name, r.kind, r.name",
            BookableResource.class)
        .setParameter("organisation", organisationId)
        .setParameter("manager", manager)
        .setParameter("own", me.getOrganisation().getId())
        .getResultStream()
        .map(CalendarService::loaded)
        .toList();
  }

  /** A resource the caller sees: an active one, or a deactivated one of their own town. */
  @RequiresPermission(CALENDAR_VIEW)
  public BookableResource getResource(long resourceId) {
    return loaded(seenResource(resourceId, LockModeType.NONE));
  }

  /** Whether the caller manages the rooms and equipment of their own organisation. */
  public boolean mayManageResources() {
    return Subjects.principal().isPresent()
        && Subjects.isPermitted(
            Permissions.scoped(CALENDAR_MANAGE_RESOURCES, me().getOrganisation().getId()));
  }

  /** Whether the caller may change this resource: one of their own organisation's. */
  public boolean mayManage(BookableResource resource) {
    return mayManageResources()
        && resource.getOrganisation().getId().equals(me().getOrganisation().getId());
  }

  /** Adds a room or piece of equipment to the caller's own organisation. */
  @RequiresPermission(CALENDAR_VIEW)
  public BookableResource createResource(@NotNull @Valid ResourceDraft draft) {
    Account me = me();
    Organisation own = me.getOrganisation();
    guard.require(
        Permissions.scoped(CALENDAR_MANAGE_RESOURCES, own.getId()),
        "CalendarService.createResource");
    BookableResource resource = new BookableResource(own, draft.kind(), draft.name().strip());
    applyResource(resource, draft, me);
    em.persist(resource);
    em.flush();
    audit.record(
        AuditAction.CALENDAR_RESOURCE_CREATED, resourceTarget(resource), describe(resource));
    return loaded(resource);
  }

  /**
   * Changes a resource read at {@code expectedVersion}, also deactivating or offering it again;
   * only its own organisation's coordinators may. Its bookings stay; a deactivated resource takes
   * no new ones.
   */
  @RequiresPermission(CALENDAR_VIEW)
  public BookableResource updateResource(
      long resourceId, long expectedVersion, @NotNull @Valid ResourceDraft draft) {
    BookableResource resource = seenResource(resourceId, LockModeType.PESSIMISTIC_WRITE);
    Account me = me();
    if (!resource.getOrganisation().getId().equals(me.getOrganisation().getId())) {
      audit.recordIndependently(
          AuditAction.ACCESS_DENIED, "CalendarService.updateResource", resourceTarget(resource));
      throw new AccessDeniedException(
          Permissions.scoped(CALENDAR_MANAGE_RESOURCES, resource.getOrganisation().getId()));
    }
    guard.require(
        Permissions.scoped(CALENDAR_MANAGE_RESOURCES, resource.getOrganisation().getId()),
        "CalendarService.updateResource");
    if (resource.getVersion() != expectedVersion) {
      throw new ConcurrentChangeException();
    }
    resource.setKind(draft.kind());
    resource.setName(draft.name().strip());
    applyResource(resource, draft, me);
    audit.record(
        AuditAction.CALENDAR_RESOURCE_CHANGED, resourceTarget(resource), describe(resource));
    return loaded(resource);
  }

  /**
   * Books a resource for an event read at {@code expectedVersion} (a single event or a whole
   * series: every occurrence holds the resource). Whoever may change the event may book any active
   * resource of the network, as a meeting may take place in another town's hall. A resource that an
   * overlapping occurrence of another event holds is refused ({@link
   * ResourceAlreadyBookedException}; see {@link BookingOverlaps} for how far series are compared).
   * Two bookings at once are taken one after the other, under a lock on the resource's row, so that
   * they cannot both pass the check. The booking is a change of the event (its version and SEQUENCE
   * rise); booking a resource the event holds already changes nothing.
   */
  @RequiresPermission(CALENDAR_EDIT)
  public ResourceBooking book(long eventId, long expectedVersion, long resourceId) {
    CalendarEvent event = editable(eventId, expectedVersion);
    if (event.isOverride()) {
      throw new BookTheSeriesException();
    }
    BookableResource resource = seenResource(resourceId, LockModeType.PESSIMISTIC_WRITE);
    Optional<ResourceBooking> existing = bookingOf(event, resource);
    if (existing.isPresent()) {
      loaded(resource);
      return existing.get();
    }
    if (!resource.isActive()) {
      throw new ResourceInactiveException(resource.getName());
    }
    refuseDoubleBooking(resource, event);
    Account me = me();
    ResourceBooking booking = new ResourceBooking(resource, event, me.getLogin());
    em.persist(booking);
    event.changed(me.getLogin(), Instant.now());
    em.flush();
    audit.record(
        AuditAction.CALENDAR_RESOURCE_BOOKED,
        target(event),
        describe(resource) + " for " + describe(event));
    loaded(resource);
    return booking;
  }

  /** Gives up an event's booking of a resource; the event read at {@code expectedVersion}. */
  @RequiresPermission(CALENDAR_EDIT)
  public void unbook(long eventId, long expectedVersion, long resourceId) {
    CalendarEvent event = editable(eventId, expectedVersion);
    if (event.isOverride()) {
      throw new BookTheSeriesException();
    }
    BookableResource resource = em.find(BookableResource.class, resourceId);
    ResourceBooking booking = resource == null ? null : bookingOf(event, resource).orElse(null);
    if (booking == null) {
      throw new RecordNotFoundException(ResourceBooking.class, resourceId);
    }
    em.remove(booking);
    event.changed(me().getLogin(), Instant.now());
    audit.record(
        AuditAction.CALENDAR_RESOURCE_UNBOOKED,
        target(event),
        describe(resource) + " for " + describe(event));
  }

  /** The resources an event the caller sees holds (an overridden occurrence: its series'). */
  @RequiresPermission(CALENDAR_VIEW)
  public List<ResourceBooking> bookings(long eventId) {
    CalendarEvent event = visible(eventId, false);
    return em.createQuery(
            "select b from ResourceBooking b where b.event = :event order by b.resource.name",
            ResourceBooking.class)
        .setParameter("event", event.isOverride() ? event.getMaster() : event)
        .getResultStream()
        .peek(booking -> loaded(booking.getResource()))
        .toList();
  }

  /**
   * When a resource the caller sees is booked, from the start of {@code from} to the start of
   * {@code to} in the reader's {@code zone}, in start order. The events are named only where the
   * caller may see them.
   */
  @RequiresPermission(CALENDAR_VIEW)
  public List<BusyTime> freeBusy(
      long resourceId, @NotNull LocalDate from, @NotNull LocalDate to, @NotNull ZoneId zone) {
    long days = ChronoUnit.DAYS.between(from, to);
    if (days < 1 || days > MAXIMUM_RANGE_DAYS) {
      throw new RangeTooLongException(MAXIMUM_RANGE_DAYS);
    }
    BookableResource resource = seenResource(resourceId, LockModeType.NONE);
    Instant start = from.atStartOfDay(zone).toInstant();
    Instant end = to.atStartOfDay(zone).toInstant();
    Optional<Account> account = account();
    List<BusyTime> busy = new ArrayList<>();
    for (CalendarEvent booked : bookedEvents(resource, null, start, end)) {
      List<CalendarEvent> family = withOverrides(booked);
      for (Occurrence occurrence : Recurrences.expand(family, start, end, zone)) {
        CalendarEvent shown = occurrence.event();
        boolean named = mayRead(shown, account);
        busy.add(
            new BusyTime(
                occurrence.startIn(zone),
                occurrence.endIn(zone),
                shown.isAllDay(),
                named ? shown.getId() : null,
                named ? shown.getTitle() : null));
      }
    }
    busy.sort(Comparator.comparing(BusyTime::start).thenComparing(BusyTime::end));
    return busy;
  }

  /**
   * After an event changed: its series' resources must still be free at the new times, else the
   * change is refused (and rolled back). A series split from here on keeps the resources its first
   * part held.
   */
  private void checkBookingsAfterChange(long eventId, CalendarEvent changed) {
    CalendarEvent series = changed.isOverride() ? changed.getMaster() : changed;
    if (!series.getId().equals(eventId) && !changed.isOverride()) {
      CalendarEvent original = em.find(CalendarEvent.class, eventId);
      CalendarEvent from = original.isOverride() ? original.getMaster() : original;
      for (ResourceBooking booking : bookingsOf(from)) {
        em.persist(new ResourceBooking(booking.getResource(), series, me().getLogin()));
      }
    }
    List<Long> resourceIds =
        em.createQuery(
                "select b.resource.id from ResourceBooking b where b.event = :event"
                    + " order by b.resource.id",
                Long.class)
            .setParameter("event", series)
            .getResultList();
    for (Long resourceId : resourceIds) {
      // In id order, so that two changes holding the same resources cannot deadlock.
      BookableResource resource =
          em.find(BookableResource.class, resourceId, LockModeType.PESSIMISTIC_WRITE);
      refuseDoubleBooking(resource, series);
    }
  }

  /** Refuses when another event holding the resource overlaps the event (with its overrides). */
  private void refuseDoubleBooking(BookableResource resource, CalendarEvent event) {
    List<CalendarEvent> mine = withOverrides(event);
    BookingOverlaps.Bounds bounds = BookingOverlaps.bounds(mine);
    Instant now = Instant.now();
    for (CalendarEvent other :
        bookedEvents(
            resource, event, bounds.start(), bounds.end() == null ? NO_END : bounds.end())) {
      Optional<BookingOverlaps.Clash> clash =
          BookingOverlaps.firstClash(mine, withOverrides(other), resource.zone(), now);
      if (clash.isPresent()) {
        BookingOverlaps.Slot theirs = clash.get().theirs();
        CalendarEvent holder = theirs.occurrence().event();
        throw new ResourceAlreadyBookedException(
            resource.getName(),
            mayRead(holder, account()) ? holder.getTitle() : null,
            BookingOverlaps.shown(theirs.start(), resource.zone(), holder.isAllDay()));
      }
    }
  }

  /**
   * The events (single or series) other than {@code except} that hold the resource and may have an
   * occurrence between the instants: by their bounds, or those of one of their overrides.
   */
  private List<CalendarEvent> bookedEvents(
      BookableResource resource, CalendarEvent except, Instant start, Instant end) {
    return em.createQuery(
            "select b.event from ResourceBooking b where b.resource = :resource"
                + " and b.event.id <> :except"
                + " and ((b.event.rangeStart < :end"
                + " and (b.event.rangeEnd is null or b.event.rangeEnd > :start))"
                + " or exists (select o.id from CalendarEvent o where o.master = b.event"
                + " and o.rangeStart < :end and o.rangeEnd > :start))"
                + " order by b.event.id",
            CalendarEvent.class)
        .setParameter("resource", resource)
        .setParameter("except", except == null ? -1L : except.getId())
        .setParameter("start", start)
        .setParameter("end", end)
        .getResultList();
  }

  private List<CalendarEvent> withOverrides(CalendarEvent event) {
    List<CalendarEvent> family = new ArrayList<>();
    family.add(event);
    if (event.isRecurring()) {
      family.addAll(overridesOf(event));
    }
    family.forEach(e -> e.getExcludedStarts().size());
    return family;
  }

  private List<ResourceBooking> bookingsOf(CalendarEvent event) {
    return em.createQuery(
            "select b from ResourceBooking b where b.event = :event order by b.id",
            ResourceBooking.class)
        .setParameter("event", event)
        .getResultList();
  }

  private Optional<ResourceBooking> bookingOf(CalendarEvent event, BookableResource resource) {
    return em.createQuery(
            "select b from ResourceBooking b where b.event = :event and b.resource = :resource",
            ResourceBooking.class)
        .setParameter("event", event)
        .setParameter("resource", resource)
        .getResultStream()
        .findFirst();
  }

  /**
   * A resource the caller may see: an active one, or a deactivated one of their own town; any other
   * is not found.
   */
  private BookableResource seenResource(long resourceId, LockModeType lock) {
    BookableResource resource = em.find(BookableResource.class, resourceId, lock);
    if (resource == null
        || (!resource.isActive()
            && !resource.getOrganisation().getId().equals(me().getOrganisation().getId()))) {
      throw new RecordNotFoundException(BookableResource.class, resourceId);
    }
    return resource;
  }

  private void applyResource(BookableResource resource, ResourceDraft draft, Account me) {
    String name = draft.name().strip();
    boolean taken =
        em.createQuery(
                    "select count(r) from BookableResource r where r.organisation = :organisation"
                        + " and lower(r.name) = :name and r.id <> :id",
                    Long.class)
                .setParameter("organisation", resource.getOrganisation())
                .setParameter("name", name.toLowerCase(java.util.Locale.ROOT))
                .setParameter("id", resource.getId() == null ? -1L : resource.getId())
                .getSingleResult()
            > 0;
    if (taken) {
      throw new ResourceNameTakenException(name);
    }
    resource.setCapacity(draft.capacity());
    resource.setDescription(blankToNull(draft.description()));
    resource.setActive(draft.active());
    resource.changed(me.getLogin(), Instant.now());
  }

  /** Whether the caller may see the event, without auditing (free/busy asks about many). */
  private boolean mayRead(CalendarEvent event, Optional<Account> account) {
    return seesCalendar(event.getCalendar(), account)
        && EventCalendar.visibleTo(isMember(event.getCalendar(), account), account.isPresent())
            .contains(event.getVisibility());
  }

  /** The resource with its organisation's names in other languages, which pages show. */
  private static BookableResource loaded(BookableResource resource) {
    resource.getOrganisation().getTranslatedNames().size();
    return resource;
  }

  private static String resourceTarget(BookableResource resource) {
    return "calendar-resource:" + resource.getId();
  }

  private static String describe(BookableResource resource) {
    return resource.getKind()
        + " "
        + resource.getName()
        + (resource.isActive() ? "" : " (inactive)")
        + ", "
        + resource.getOrganisation().getCode();
  }
}
