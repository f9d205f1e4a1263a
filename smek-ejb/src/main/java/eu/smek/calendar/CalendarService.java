package eu.smek.calendar;

import static eu.smek.security.Permissions.CALENDAR_EDIT;
import static eu.smek.security.Permissions.CALENDAR_MANAGE_RESOURCES;
import static eu.smek.security.Permissions.CALENDAR_VIEW;

import eu.smek.audit.AuditAction;
import eu.smek.audit.AuditService;
import eu.smek.calendar.ical.IcsAttachment;
import eu.smek.calendar.ical.IcsEvent;
import eu.smek.calendar.ical.IcsImport;
import eu.smek.calendar.ical.IcsMethod;
import eu.smek.calendar.ical.IcsNotice;
import eu.smek.calendar.ical.IcsPerson;
import eu.smek.calendar.ical.IcsReader;
import eu.smek.calendar.ical.IcsWriter;
import eu.smek.documents.Document;
import eu.smek.documents.DocumentService;
import eu.smek.infrastructure.Notifier;
import eu.smek.membership.Organisation;
import eu.smek.membership.SpaceMembership;
import eu.smek.security.AccessDeniedException;
import eu.smek.security.Account;
import eu.smek.security.Guard;
import eu.smek.security.Permissions;
import eu.smek.security.RequiresPermission;
import eu.smek.security.Secrets;
import eu.smek.security.Subjects;
import eu.smek.shared.BusinessException;
import eu.smek.shared.ConcurrentChangeException;
import eu.smek.shared.Language;
import eu.smek.shared.Messages;
import eu.smek.shared.RecordNotFoundException;
import eu.smek.shared.SpaceRef;
import eu.smek.shared.SpaceType;
import eu.smek.shared.Visibility;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.logging.Logger;
import org.hibernate.FlushMode;
import org.hibernate.Session;

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

  /** Before every event's range, whose start is at most a day before its first occurrence. */
  private static final Instant BEFORE_ALL_EVENTS =
      LocalDate.of(EARLIEST_YEAR - 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

  private static final int LATEST_YEAR = 2200;
  private static final Duration LONGEST_EVENT = Duration.ofDays(366);

  /** The most people, cells, organisations or working groups one invitation may name. */
  public static final int MAXIMUM_INVITEES = 50;

  /** The most suggestions of each kind the invitation form gets. */
  public static final int MAXIMUM_OPTIONS = 8;

  /** The longest range of a free/busy view. */
  public static final int MAXIMUM_FREE_BUSY_DAYS = 42;

  /** The most people a free/busy view shows. */
  public static final int MAXIMUM_FREE_BUSY_PEOPLE = 100;

  @PersistenceContext private EntityManager em;
  @Inject private SpaceMembership spaces;
  @Inject private AuditService audit;
  @Inject private Validator validator;
  @Inject private Notifier notifier;
  @EJB private CalendarService self;

  private static final Logger LOG = Logger.getLogger(CalendarService.class.getName());
  @Inject private Guard guard;
  @Inject private Invitations invitations;
  @Inject private DocumentService documents;

  // Calendars

  /**
   * The calendars the caller sees: those of their own spaces first (the network's, their
   * organisation's, their working groups', their own), made if they do not exist yet, then the
   * other organisations' and working groups' calendars, whose events open to the network they see.
   */
  @RequiresPermission(CALENDAR_VIEW)
  public List<CalendarSummary> calendars() {
    Account me = me();
    Set<SpaceRef> own = ownSpaces(me);
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
   * series (new UID) with the draft, carrying over excluded dates and the overridden occurrences
   * after it that its rule still has; {@link EditScope#SERIES} changes every occurrence (a new
   * start moves the excluded dates and overridden occurrences with it). A single event is changed
   * whatever the scope; an overridden occurrence only as {@link EditScope#ONE}.
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
      // As for a new overridden occurrence: the series' SEQUENCE rises, its attendees are told.
      event.getMaster().changed(me().getLogin(), Instant.now());
      seriesChanged(event.getMaster(), event.getMaster());
      return event;
    }
    if (!event.isRecurring()
        || scope == null
        || scope == EditScope.SERIES
        || (scope == EditScope.THIS_AND_FOLLOWING && event.getStart().equals(occurrence))) {
      changeSeries(event, draft);
      seriesChanged(event, event);
      return event;
    }
    LocalDateTime start = requireOccurrence(event, occurrence);
    if (scope == EditScope.ONE) {
      return changeOne(event, start, draft);
    }
    CalendarEvent next = split(event, start, draft);
    seriesChanged(event, next);
    return next;
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
      em.flush();
      seriesChanged(master, master);
      audit.record(AuditAction.CALENDAR_EVENT_DELETED, target(event), describe(event));
      return;
    }
    if (!event.isRecurring()
        || scope == null
        || scope == EditScope.SERIES
        || (scope == EditScope.THIS_AND_FOLLOWING && event.getStart().equals(occurrence))) {
      cancelInvitations(event);
      invitations.overridesOf(event).forEach(em::remove);
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
      invitations.overridesOf(event).stream()
          .filter(o -> !o.getRecurrenceId().isBefore(start))
          .forEach(em::remove);
      event.getExcludedStarts().removeIf(excluded -> !excluded.isBefore(start));
      event.setRrule(
          Recurrences.endingBefore(event.getRrule(), start, event.isAllDay(), event.zone()));
    }
    updateRange(event);
    event.changed(me().getLogin(), Instant.now());
    seriesChanged(event, event);
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
    onlyReadingFromHere();
    Optional<Account> account = account();
    Set<Long> member = new HashSet<>();
    for (Long id : calendarIds) {
      EventCalendar calendar = em.find(EventCalendar.class, id);
      if (calendar == null || !seesCalendar(calendar, account)) {
        throw new RecordNotFoundException(EventCalendar.class, id);
      }
      if (isMember(calendar, account)) {
        member.add(id);
      }
    }
    Set<Visibility> open = Set.copyOf(EventCalendar.visibleTo(false, account.isPresent()));
    Instant start = from.atStartOfDay(zone).toInstant();
    Instant end = to.atStartOfDay(zone).toInstant();
    // Per calendar, a slice of the range index (calendar, range class, range start) for each class
    // of range: an event of a class reaching into the window starts at most the class's span before
    // it. One calendar a query: with a list of calendars, H2 would read each calendar's whole
    // index,
    // and Hibernate translate the query anew for every list. Visibility is checked here, not in the
    // query: an "or" there makes databases scan the table. Lists, not streams, so that the events'
    // collections are fetched in batches.
    List<CalendarEvent> events = new ArrayList<>();
    Set<Long> found = new HashSet<>();
    for (Long calendar : new TreeSet<>(calendarIds)) {
      for (RangeClass rangeClass : RangeClass.values()) {
        Set<Long> series = new HashSet<>();
        for (CalendarEvent event :
            inRange("select e from CalendarEvent e", calendar, rangeClass, start, end)) {
          if ((member.contains(calendar) || open.contains(event.getVisibility()))
              && found.add(event.getId())) {
            events.add(event);
            if (event.isRecurring()) {
              series.add(event.getId());
            }
          }
        }
        // Overridden occurrences of the series found, also those moved out of the range: they
        // replace an occurrence that may be in it.
        if (!series.isEmpty()) {
          for (CalendarEvent override :
              inRange(
                  "select o from CalendarEvent o join o.master e",
                  calendar,
                  rangeClass,
                  start,
                  end)) {
            if (series.contains(override.getMaster().getId()) && found.add(override.getId())) {
              events.add(override);
            }
          }
        }
      }
    }
    List<Occurrence> occurrences = Recurrences.expand(events, start, end, zone);
    // Nothing was written since onlyReadingFromHere: the commit need not walk the events loaded.
    em.clear();
    return occurrences;
  }

  /**
   * The events {@code e} of one calendar and slice of the range index that reach into the range, as
   * the query that begins with {@code select} names them.
   */
  private List<CalendarEvent> inRange(
      String select, long calendar, RangeClass rangeClass, Instant start, Instant end) {
    return em.createQuery(
            select
                + " where e.calendar.id = :calendar and e.rangeClass = :rangeClass"
                + " and e.rangeStart >= :floor and e.rangeStart < :end"
                + " and (e.rangeEnd is null or e.rangeEnd > :start)",
            CalendarEvent.class)
        .setParameter("calendar", calendar)
        .setParameter("rangeClass", rangeClass)
        .setParameter("floor", rangeClass.span().map(start::minus).orElse(BEFORE_ALL_EVENTS))
        .setParameter("start", start)
        .setParameter("end", end)
        .getResultList();
  }

  // Invitations (issue 6): attendees, answers, free/busy; the work is in Invitations

  /**
   * Invites people to an event read at {@code expectedVersion} (a series as a whole: its overridden
   * occurrences inherit the attendees): accounts and people directly, or everyone of a cell,
   * organisation or working group. Who is already invited, and the organiser, are skipped; each new
   * attendee gets an iMIP invitation in their language.
   *
   * @return the new attendees
   */
  @RequiresPermission(CALENDAR_EDIT)
  public List<Attendee> invite(
      long eventId,
      long expectedVersion,
      @NotNull @Size(min = 1, max = MAXIMUM_INVITEES) List<@NotNull @Valid Invitee> invitees) {
    CalendarEvent event = editable(eventId, expectedVersion);
    CalendarEvent series = Invitations.seriesOf(event);
    if (series != event) {
      // The attendees are the series': invitations through two of its occurrences take turns.
      em.lock(series, LockModeType.PESSIMISTIC_WRITE);
    }
    Account me = me();
    List<Attendee> existing = invitations.attendeesOf(series);
    Set<String> emails = new HashSet<>();
    Set<Long> accounts = new HashSet<>();
    existing.forEach(
        a -> {
          emails.add(a.getEmail().toLowerCase(Locale.ROOT));
          if (a.getAccountId() != null) {
            accounts.add(a.getAccountId());
          }
        });
    if (series.getOrganiserAccountId() != null) {
      accounts.add(series.getOrganiserAccountId());
      Account organiser = em.find(Account.class, series.getOrganiserAccountId());
      if (organiser != null) {
        emails.add(organiser.getEmail().toLowerCase(Locale.ROOT));
      }
    }
    List<Attendee> added = new ArrayList<>();
    for (Invitee invitee : invitees) {
      String through = invitations.nameOf(invitee);
      for (Invitations.Candidate candidate : invitations.expand(invitee)) {
        if ((candidate.accountId() != null && accounts.contains(candidate.accountId()))
            || !emails.add(candidate.key())) {
          continue;
        }
        if (existing.size() + added.size() >= Invitations.MAXIMUM_ATTENDEES) {
          throw new TooManyAttendeesException(Invitations.MAXIMUM_ATTENDEES);
        }
        if (candidate.accountId() != null) {
          accounts.add(candidate.accountId());
        }
        added.add(invitations.add(series, candidate, invitee, through, me.getLogin()));
      }
    }
    em.flush();
    invitations.sendRequests(series, added, false);
    if (!added.isEmpty()) {
      audit.record(
          AuditAction.CALENDAR_INVITATION_SENT,
          target(series),
          added.size()
              + " invited: "
              + String.join(", ", added.stream().map(Attendee::getEmail).toList()));
    }
    return added;
  }

  /**
   * Accounts, people, cells, organisations and working groups whose name contains the text, for the
   * invitation form: at most {@value #MAXIMUM_OPTIONS} of each kind.
   */
  @RequiresPermission(CALENDAR_EDIT)
  public List<InviteeOption> inviteeOptions(@NotNull @Size(min = 2, max = 100) String text) {
    return invitations.options(text, MAXIMUM_OPTIONS);
  }

  /** Takes an attendee off an event's list; they get the event's cancellation. */
  @RequiresPermission(CALENDAR_EDIT)
  public void uninvite(long eventId, long attendeeId) {
    CalendarEvent series = Invitations.seriesOf(visible(eventId, true));
    if (!mayEdit(series.getCalendar(), me())) {
      refuse("CalendarService.uninvite", target(series));
    }
    Attendee attendee =
        invitations.attendeesOf(series).stream()
            .filter(a -> a.getId() == attendeeId)
            .findFirst()
            .orElseThrow(() -> new RecordNotFoundException(Attendee.class, attendeeId));
    invitations.sendCancellations(series, List.of(attendee));
    em.remove(attendee);
    audit.record(AuditAction.CALENDAR_INVITATION_WITHDRAWN, target(series), attendee.getEmail());
  }

  /**
   * The attendees of an event with their answers and what they were invited through: all of them
   * for those who may change the event, else only the caller's own invitation (if any).
   */
  @RequiresPermission(CALENDAR_VIEW)
  public List<Attendee> attendees(long eventId) {
    CalendarEvent event = visible(eventId, false);
    Account me = me();
    if (mayEdit(event.getCalendar(), me)) {
      return invitations.attendeesOf(event);
    }
    return invitations.attendeeOf(event, me.getId()).map(List::of).orElse(List.of());
  }

  /** The caller's own invitation to the event, if they are invited. */
  @RequiresPermission(CALENDAR_VIEW)
  public Optional<Attendee> myInvitation(long eventId) {
    CalendarEvent event = visible(eventId, false);
    return invitations.attendeeOf(event, me().getId());
  }

  /** The signed-in invitee's answer (accept, tentative, decline); they may change it any time. */
  @RequiresPermission(CALENDAR_VIEW)
  public Attendee answer(long eventId, @NotNull Answer answer) {
    if (!answer.isGiven()) {
      throw new AnswerInvalidException();
    }
    CalendarEvent event = visible(eventId, false);
    Account me = me();
    Attendee attendee =
        em.createQuery(
                "select a from Attendee a where a.event = :event and a.accountId = :account",
                Attendee.class)
            .setParameter("event", Invitations.seriesOf(event))
            .setParameter("account", me.getId())
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst()
            .orElseThrow(NotInvitedException::new);
    attendee.answer(answer, Instant.now());
    audit.record(
        AuditAction.CALENDAR_INVITATION_ANSWERED,
        target(Invitations.seriesOf(event)),
        attendee.getEmail() + ": " + answer);
    return attendee;
  }

  /**
   * The invitation behind an e-mail's answer link, for the answer page, without signing in.
   *
   * @throws InvitationTokenInvalidException for a link that is wrong, withdrawn, replaced by a
   *     newer e-mail's, or of an event that is over
   */
  public TokenInvitation invitationByToken(String token) {
    return view(byToken(token));
  }

  /** Records the answer given through an e-mail's link, without signing in. */
  public TokenInvitation answerByToken(String token, @NotNull Answer answer) {
    if (!answer.isGiven()) {
      throw new AnswerInvalidException();
    }
    Attendee attendee = byToken(token);
    attendee.answer(answer, Instant.now());
    audit.record(
        "invitee " + attendee.getEmail(),
        AuditAction.CALENDAR_INVITATION_ANSWERED,
        target(attendee.getEvent()),
        attendee.getEmail() + ": " + answer + " (e-mail link)");
    return view(attendee);
  }

  private Attendee byToken(String token) {
    Attendee attendee =
        invitations.byToken(token).orElseThrow(InvitationTokenInvalidException::new);
    Instant over = attendee.getEvent().getRangeEnd();
    if (over != null && over.isBefore(Instant.now())) {
      throw new InvitationTokenInvalidException();
    }
    return attendee;
  }

  private static TokenInvitation view(Attendee attendee) {
    CalendarEvent event = attendee.getEvent();
    ZoneId zone = event.zone();
    return new TokenInvitation(
        event.titleIn(attendee.getLanguage()),
        event.descriptionIn(attendee.getLanguage()),
        event.getLocation(),
        event.isAllDay(),
        event.getStart().atZone(zone),
        event.getEnd().atZone(zone),
        event.isRecurring(),
        event.getOrganiserName(),
        attendee.getDisplayName(),
        attendee.getAnswer());
  }

  /**
   * When the people an invitation would reach are busy from the start of {@code from} to the start
   * of {@code to} in the reader's zone: the occurrences of the events they organise or are invited
   * to and have not declined, without titles; at most {@value #MAXIMUM_FREE_BUSY_PEOPLE} people.
   */
  @RequiresPermission(CALENDAR_EDIT)
  public List<FreeBusy> freeBusy(
      @NotNull @Size(min = 1, max = MAXIMUM_INVITEES) List<@NotNull @Valid Invitee> invitees,
      @NotNull LocalDate from,
      @NotNull LocalDate to,
      @NotNull ZoneId zone) {
    long days = ChronoUnit.DAYS.between(from, to);
    if (days < 1 || days > MAXIMUM_FREE_BUSY_DAYS) {
      throw new RangeTooLongException(MAXIMUM_FREE_BUSY_DAYS);
    }
    Map<String, Invitations.Candidate> people = new LinkedHashMap<>();
    for (Invitee invitee : invitees) {
      for (Invitations.Candidate candidate : invitations.expand(invitee)) {
        if (people.size() < MAXIMUM_FREE_BUSY_PEOPLE) {
          people.putIfAbsent(candidate.key(), candidate);
        }
      }
    }
    List<Long> accountIds = new ArrayList<>(List.of(-1L));
    List<Long> personIds = new ArrayList<>(List.of(-1L));
    people.values().stream()
        .map(Invitations.Candidate::accountId)
        .filter(Objects::nonNull)
        .forEach(accountIds::add);
    people.values().stream()
        .filter(c -> c.accountId() == null)
        .map(Invitations.Candidate::personId)
        .forEach(personIds::add);
    Instant start = from.atStartOfDay(zone).toInstant();
    Instant end = to.atStartOfDay(zone).toInstant();
    // Who takes part in which series: its organiser and its attendees who have not declined.
    Map<Long, Set<String>> takingPart = new HashMap<>();
    List<CalendarEvent> events =
        new ArrayList<>(
            em.createQuery(
                    "select e from CalendarEvent e where e.master is null and e.rangeStart < :end"
                        + " and (e.rangeEnd is null or e.rangeEnd > :start)"
                        + " and e.organiserAccountId in :accounts",
                    CalendarEvent.class)
                .setParameter("start", start)
                .setParameter("end", end)
                .setParameter("accounts", accountIds)
                .getResultList());
    Map<Long, String> keyOfAccount = new HashMap<>();
    Map<Long, String> keyOfPerson = new HashMap<>();
    people.forEach(
        (key, c) -> {
          if (c.accountId() != null) {
            keyOfAccount.put(c.accountId(), key);
          } else {
            keyOfPerson.put(c.personId(), key);
          }
        });
    events.forEach(
        e ->
            takingPart
                .computeIfAbsent(e.getId(), id -> new HashSet<>())
                .add(keyOfAccount.get(e.getOrganiserAccountId())));
    for (Attendee attendee :
        em.createQuery(
                "select a from Attendee a join fetch a.event e where e.rangeStart < :end"
                    + " and (e.rangeEnd is null or e.rangeEnd > :start) and a.answer <> :declined"
                    + " and (a.accountId in :accounts or a.personId in :persons)",
                Attendee.class)
            .setParameter("start", start)
            .setParameter("end", end)
            .setParameter("declined", Answer.DECLINED)
            .setParameter("accounts", accountIds)
            .setParameter("persons", personIds)
            .getResultList()) {
      String key =
          attendee.getAccountId() != null
              ? keyOfAccount.get(attendee.getAccountId())
              : keyOfPerson.get(attendee.getPersonId());
      if (key == null) {
        continue;
      }
      if (!takingPart.containsKey(attendee.getEvent().getId())) {
        events.add(attendee.getEvent());
      }
      takingPart.computeIfAbsent(attendee.getEvent().getId(), id -> new HashSet<>()).add(key);
    }
    List<Long> series =
        events.stream().filter(CalendarEvent::isRecurring).map(CalendarEvent::getId).toList();
    for (int i = 0; i < series.size(); i += 500) {
      events.addAll(
          em.createQuery(
                  "select e from CalendarEvent e where e.master.id in :series", CalendarEvent.class)
              .setParameter("series", series.subList(i, Math.min(series.size(), i + 500)))
              .getResultList());
    }
    Map<String, List<FreeBusy.Busy>> busy = new HashMap<>();
    for (Occurrence occurrence : Recurrences.expand(events, start, end, zone)) {
      CalendarEvent event = Invitations.seriesOf(occurrence.event());
      FreeBusy.Busy time =
          new FreeBusy.Busy(
              occurrence.start().withZoneSameInstant(zone),
              occurrence.end().withZoneSameInstant(zone));
      for (String key : takingPart.getOrDefault(event.getId(), Set.of())) {
        if (key != null) {
          busy.computeIfAbsent(key, k -> new ArrayList<>()).add(time);
        }
      }
    }
    List<FreeBusy> result = new ArrayList<>();
    people.forEach(
        (key, c) ->
            result.add(
                new FreeBusy(
                    c.name(),
                    busy.getOrDefault(key, List.of()).stream()
                        .sorted(Comparator.comparing(FreeBusy.Busy::start))
                        .toList())));
    return result;
  }

  /** After a change of a series: its attendees get the update, a split-off series its own. */
  private void seriesChanged(CalendarEvent series, CalendarEvent result) {
    List<Attendee> attendees = invitations.attendeesOf(series);
    if (attendees.isEmpty()) {
      return;
    }
    invitations.sendRequests(series, attendees, true);
    if (result != series && !result.isOverride()) {
      invitations.copyAttendees(series, result, me().getLogin());
      em.flush();
      invitations.sendRequests(result, invitations.attendeesOf(result), true);
    }
  }

  /** Before a series is deleted: its attendees get the cancellation, and their rows go. */
  private void cancelInvitations(CalendarEvent series) {
    List<Attendee> attendees = invitations.attendeesOf(series);
    invitations.sendCancellations(series, attendees);
    attendees.forEach(em::remove);
    em.flush();
  }

  private boolean isInvited(CalendarEvent event, Optional<Account> account) {
    return account.isPresent() && invitations.isInvited(event, account.get().getId());
  }

  // Changes

  private void changeSeries(CalendarEvent event, EventDraft draft) {
    LocalDateTime oldStart = event.getStart();
    apply(event, draft, true);
    Duration shift = Duration.between(oldStart, event.getStart());
    List<CalendarEvent> overrides = invitations.overridesOf(event);
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
    // refused rather than silently overriding the occurrence again; its attendees get the series
    // with the occurrence as it is now.
    series.changed(me().getLogin(), Instant.now());
    em.flush();
    seriesChanged(series, series);
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
    List<CalendarEvent> following =
        invitations.overridesOf(series).stream()
            .filter(o -> !o.getRecurrenceId().isBefore(start))
            .toList();
    series.setRrule(Recurrences.endingBefore(oldRule, start, series.isAllDay(), series.zone()));
    updateRange(series);
    changed(series, "ends before " + start);
    next.setCreatedBy(me().getLogin());
    updateRange(next);
    em.persist(next);
    // The occurrences overridden after the split move with the new series where its rule still has
    // them (shifted like its start); the one split at is the draft itself, the others are dropped.
    for (CalendarEvent override : following) {
      LocalDateTime moved = override.getRecurrenceId().plus(shift);
      if (next.isRecurring()
          && override.getRecurrenceId().isAfter(start)
          && !next.getExcludedStarts().contains(moved)
          && Recurrences.startsBetween(next, moved, moved).contains(moved)) {
        override.joinSeries(next, moved);
        override.setVisibility(next.getVisibility());
      } else {
        em.remove(override);
      }
    }
    // The documents go on with the following occurrences, as the attendees do.
    attachmentsOf(series)
        .forEach(a -> em.persist(new EventDocument(next, a.getDocument(), a.getAttachedBy())));
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
  static void updateRange(CalendarEvent event) {
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
    return invitations.overridesOf(series).stream()
        .filter(o -> o.getRecurrenceId().equals(start))
        .findFirst();
  }

  // iCalendar: export, import, subscription

  /** The events of a calendar the caller sees, as an iCalendar file named after the calendar. */
  @RequiresPermission(CALENDAR_VIEW)
  public String exportCalendar(long calendarId) {
    onlyReadingFromHere();
    Optional<Account> account = account();
    EventCalendar calendar = em.find(EventCalendar.class, calendarId);
    if (calendar == null || !seesCalendar(calendar, account)) {
      throw new RecordNotFoundException(EventCalendar.class, calendarId);
    }
    List<CalendarEvent> events =
        em.createQuery(
                "select e from CalendarEvent e where e.calendar = :calendar"
                    + " and e.visibility in :open order by e.id",
                CalendarEvent.class)
            .setParameter("calendar", calendar)
            .setParameter(
                "open", EventCalendar.visibleTo(isMember(calendar, account), account.isPresent()))
            .getResultList();
    return write(spaces.nameOf(calendar.getSpace()), events, documents::readable);
  }

  /** One event (a whole series with its overridden occurrences) as an iCalendar file. */
  @RequiresPermission(CALENDAR_VIEW)
  public String exportEvent(long eventId) {
    onlyReadingFromHere();
    CalendarEvent event = visible(eventId, false);
    CalendarEvent series = event.isOverride() ? event.getMaster() : event;
    List<CalendarEvent> events = new ArrayList<>(List.of(series));
    events.addAll(invitations.overridesOf(series));
    return write(null, events, documents::readable);
  }

  /**
   * The events as a PUBLISH file, each with the attached documents (an overridden occurrence: its
   * series') that its reader may open, as links.
   *
   * @param readable of the given document ids, the documents the file's reader may read
   */
  private String write(
      String calendarName,
      List<CalendarEvent> events,
      Function<Collection<Long>, List<Document>> readable) {
    Map<Long, IcsPerson> organisers = organisers(events);
    Map<Long, List<IcsAttachment>> attachments = icsAttachments(events, readable);
    List<IcsEvent> written = new ArrayList<>(events.size());
    for (CalendarEvent event : events) {
      written.add(
          CalendarIcs.toIcs(
              event,
              organisers.get(event.getOrganiserAccountId()),
              null,
              attachments.getOrDefault(seriesId(event), List.of()),
              // When it last changed, not now: an unchanged calendar is the same file, which the
              // feed's ETag relies on.
              event.getUpdatedAt()));
    }
    return IcsWriter.write(IcsMethod.PUBLISH, calendarName, written);
  }

  /** The readable documents attached to the events' series, by series id, as links. */
  private Map<Long, List<IcsAttachment>> icsAttachments(
      List<CalendarEvent> events, Function<Collection<Long>, List<Document>> readable) {
    List<Long> series = events.stream().map(CalendarService::seriesId).distinct().toList();
    Map<Long, List<Long>> attached = new HashMap<>();
    Set<Long> documentIds = new LinkedHashSet<>();
    for (int i = 0; i < series.size(); i += 500) {
      em.createQuery(
              "select a.event.id, a.document.id from EventDocument a where a.event.id in :series"
                  + " order by a.attachedAt, a.id",
              Object[].class)
          .setParameter("series", series.subList(i, Math.min(series.size(), i + 500)))
          .getResultList()
          .forEach(
              row -> {
                attached.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add((Long) row[1]);
                documentIds.add((Long) row[1]);
              });
    }
    if (documentIds.isEmpty()) {
      return Map.of();
    }
    Map<Long, IcsAttachment> links = new HashMap<>();
    readable.apply(documentIds).forEach(d -> links.put(d.getId(), CalendarIcs.attachment(d)));
    Map<Long, List<IcsAttachment>> result = new HashMap<>();
    attached.forEach(
        (event, ids) ->
            result.put(event, ids.stream().map(links::get).filter(Objects::nonNull).toList()));
    return result;
  }

  private static long seriesId(CalendarEvent event) {
    return event.isOverride() ? event.getMaster().getId() : event.getId();
  }

  /** The organisers of these events who have an account here, with their addresses. */
  private Map<Long, IcsPerson> organisers(List<CalendarEvent> events) {
    Set<Long> ids = new TreeSet<>();
    events.stream()
        .map(CalendarEvent::getOrganiserAccountId)
        .filter(java.util.Objects::nonNull)
        .forEach(ids::add);
    Map<Long, IcsPerson> organisers = new HashMap<>();
    List<Long> all = new ArrayList<>(ids);
    for (int i = 0; i < all.size(); i += 500) {
      em.createQuery("select a from Account a where a.id in :ids", Account.class)
          .setParameter("ids", all.subList(i, Math.min(all.size(), i + 500)))
          .getResultStream()
          .filter(a -> a.getEmail() != null && !a.getEmail().isBlank())
          .forEach(a -> organisers.put(a.getId(), new IcsPerson(a.getDisplayName(), a.getEmail())));
    }
    return organisers;
  }

  /**
   * What importing the file into the calendar would do, changing nothing: the events it would add
   * or change (same UID as one already there) and what it would leave out, and why.
   *
   * @param zone for times without a zone and for all-day events: the importer's
   */
  @RequiresPermission(CALENDAR_EDIT)
  public CalendarImport previewImport(
      long calendarId, @NotNull byte[] content, @NotNull ZoneId zone, @NotNull Language language) {
    EventCalendar calendar = importable(calendarId);
    return plan(calendar, content, zone, Visibility.PRIVATE, language).report();
  }

  /**
   * Imports the file's events into the calendar with the given visibility: new UIDs become new
   * events, known ones (in this calendar) take the file's version, overridden occurrences join
   * their series. All or nothing: the events left out are those the preview named.
   */
  @RequiresPermission(CALENDAR_EDIT)
  public CalendarImport importCalendar(
      long calendarId,
      @NotNull byte[] content,
      @NotNull ZoneId zone,
      @NotNull Visibility visibility,
      @NotNull Language language) {
    EventCalendar calendar = importable(calendarId);
    ImportPlan plan = plan(calendar, content, zone, visibility, language);
    Account me = me();
    Instant now = Instant.now();
    Map<String, CalendarEvent> series = new HashMap<>(plan.existing());
    for (Planned planned : plan.planned()) {
      if (planned.action() == CalendarImport.Action.SKIP || planned.ics().recurrenceId() != null) {
        continue;
      }
      CalendarEvent event = series.get(planned.ics().uid());
      if (event == null) {
        event =
            CalendarEvent.imported(
                calendar,
                planned.draft().title().strip(),
                planned.ics().uid(),
                planned.ics().sequence());
        event.setCreatedBy(me.getLogin());
        organiserOf(event, planned.ics(), me);
        series.put(event.getUid(), event);
        apply(event, planned.draft(), true);
        excluded(event, planned.ics());
        em.persist(event);
      } else {
        apply(event, planned.draft(), true);
        excluded(event, planned.ics());
        event.changed(me.getLogin(), now);
      }
    }
    em.flush();
    for (Planned planned : plan.planned()) {
      if (planned.action() == CalendarImport.Action.SKIP || planned.ics().recurrenceId() == null) {
        continue;
      }
      CalendarEvent master = series.get(planned.ics().uid());
      LocalDateTime originalStart = CalendarIcs.local(planned.ics().recurrenceId(), master.zone());
      Optional<CalendarEvent> existing = overrideAt(master, originalStart);
      CalendarEvent override = existing.orElseGet(() -> master.overrideOccurrence(originalStart));
      apply(override, planned.draft(), false);
      override.setVisibility(master.getVisibility());
      if (existing.isEmpty()) {
        override.setCreatedBy(me.getLogin());
        em.persist(override);
      } else {
        override.changed(me.getLogin(), now);
      }
    }
    CalendarImport report = plan.report();
    audit.record(
        AuditAction.CALENDAR_IMPORTED,
        "calendar:" + calendarId,
        report.count(CalendarImport.Action.NEW)
            + " new, "
            + report.count(CalendarImport.Action.UPDATE)
            + " changed, "
            + report.count(CalendarImport.Action.SKIP)
            + " left out");
    return report;
  }

  private EventCalendar importable(long calendarId) {
    Account me = me();
    EventCalendar calendar = em.find(EventCalendar.class, calendarId);
    if (calendar == null || !seesCalendar(calendar, Optional.of(me))) {
      throw new RecordNotFoundException(EventCalendar.class, calendarId);
    }
    if (!mayEdit(calendar, me)) {
      refuse("CalendarService.importCalendar", "calendar:" + calendarId);
    }
    return calendar;
  }

  /** An imported event's organiser: the account with that address, or the file's name for them. */
  private void organiserOf(CalendarEvent event, IcsEvent ics, Account importer) {
    if (ics.organizer() == null) {
      event.setOrganiser(importer.getId(), importer.getDisplayName());
      return;
    }
    List<Account> accounts =
        em.createQuery("select a from Account a where lower(a.email) = :email", Account.class)
            .setParameter("email", ics.organizer().email().toLowerCase(java.util.Locale.ROOT))
            .setMaxResults(1)
            .getResultList();
    String name = ics.organizer().name() == null ? ics.organizer().email() : ics.organizer().name();
    event.setOrganiser(
        accounts.isEmpty() ? null : accounts.get(0).getId(),
        name.length() > 200 ? name.substring(0, 200) : name);
  }

  private static void excluded(CalendarEvent event, IcsEvent ics) {
    event.getExcludedStarts().clear();
    if (event.getRrule() != null) {
      ics.exdates().stream()
          .limit(CalendarEvent.MAXIMUM_EXCLUDED_DATES)
          .map(exdate -> CalendarIcs.local(exdate, event.zone()))
          .forEach(event.getExcludedStarts()::add);
    }
  }

  private record Planned(IcsEvent ics, EventDraft draft, CalendarImport.Action action) {}

  private record ImportPlan(
      List<Planned> planned, Map<String, CalendarEvent> existing, List<IcsNotice> notices) {

    CalendarImport report() {
      List<CalendarImport.Item> items = new ArrayList<>();
      for (Planned p : planned) {
        IcsEvent ics = p.ics();
        ZoneId zone = ics.allDay() || ics.zone() == null ? ZoneId.of("UTC") : ics.zone();
        items.add(
            new CalendarImport.Item(
                p.draft() == null ? ics.summary() : p.draft().title(),
                CalendarIcs.local(ics.start(), zone),
                ics.allDay() ? null : zone.getId(),
                ics.allDay(),
                ics.rrule(),
                ics.recurrenceId() != null,
                p.action()));
      }
      return new CalendarImport(items, notices);
    }
  }

  /**
   * Reads the file and decides for each event: new, a change of one with the same UID in this
   * calendar, or left out (a notice says why). Nothing is saved.
   */
  private ImportPlan plan(
      EventCalendar calendar,
      byte[] content,
      ZoneId zone,
      Visibility visibility,
      Language language) {
    IcsImport file = new IcsReader().read(content, zone);
    List<IcsNotice> notices = new ArrayList<>(file.notices());
    String untitled = Messages.format(language.locale(), "calendar.import.untitled");
    Set<String> uids = new TreeSet<>();
    file.events().forEach(ics -> uids.add(ics.uid()));
    Map<String, CalendarEvent> existing = new HashMap<>();
    List<String> uidList = new ArrayList<>(uids);
    for (int i = 0; i < uidList.size(); i += 500) {
      em.createQuery(
              "select e from CalendarEvent e where e.calendar = :calendar and e.master is null"
                  + " and e.uid in :uids",
              CalendarEvent.class)
          .setParameter("calendar", calendar)
          .setParameter("uids", uidList.subList(i, Math.min(uidList.size(), i + 500)))
          .getResultStream()
          .forEach(event -> existing.put(event.getUid(), event));
    }
    Set<String> seriesInFile = new HashSet<>();
    Set<String> overridesInFile = new HashSet<>();
    List<Planned> planned = new ArrayList<>();
    for (IcsEvent ics : file.events()) {
      String title = ics.summary() == null ? untitled : ics.summary();
      boolean override = ics.recurrenceId() != null;
      EventDraft draft = CalendarIcs.draftOf(ics, zone, visibility, untitled);
      Optional<IcsNotice> problem = problemOf(ics, draft, title);
      if (problem.isEmpty() && !override && !seriesInFile.add(ics.uid())) {
        problem = Optional.of(notice("calendar.import.skipped.duplicate", title));
      }
      if (problem.isEmpty()
          && override
          && !overridesInFile.add(ics.uid() + " " + ics.recurrenceId())) {
        problem = Optional.of(notice("calendar.import.skipped.duplicate", title));
      }
      problem.ifPresent(notices::add);
      CalendarImport.Action action =
          problem.isPresent()
              ? CalendarImport.Action.SKIP
              : !override && existing.containsKey(ics.uid())
                  ? CalendarImport.Action.UPDATE
                  : CalendarImport.Action.NEW;
      planned.add(new Planned(ics, problem.isPresent() ? null : draft, action));
    }
    // An overridden occurrence that comes before its series in the file counts once the series is
    // known; one whose series was left out goes with it.
    Set<String> seriesTaken = new HashSet<>();
    planned.stream()
        .filter(s -> s.ics().recurrenceId() == null && s.action() != CalendarImport.Action.SKIP)
        .forEach(s -> seriesTaken.add(s.ics().uid()));
    List<Planned> checked = new ArrayList<>();
    for (Planned p : planned) {
      boolean orphan =
          p.action() != CalendarImport.Action.SKIP
              && p.ics().recurrenceId() != null
              && !existing.containsKey(p.ics().uid())
              && !seriesTaken.contains(p.ics().uid());
      if (orphan) {
        notices.add(notice("calendar.import.skipped.noSeries", p.draft().title()));
        checked.add(new Planned(p.ics(), null, CalendarImport.Action.SKIP));
      } else {
        checked.add(p);
      }
    }
    return new ImportPlan(checked, existing, notices.stream().distinct().toList());
  }

  /** Why an event cannot be imported as it is, if it cannot. */
  private Optional<IcsNotice> problemOf(IcsEvent ics, EventDraft draft, String title) {
    if (ics.uid().length() > CalendarEvent.UID_LENGTH) {
      return Optional.of(notice("calendar.import.skipped.uid", title));
    }
    if (!validator.validate(draft).isEmpty()) {
      return Optional.of(notice("calendar.import.skipped.invalid", title));
    }
    try {
      TimeZones.of(draft.timeZone());
      checkTimes(draft);
      Recurrences.normalise(draft.rrule(), draft.allDay(), ZoneId.of(draft.timeZone()));
    } catch (BusinessException refused) {
      return Optional.of(notice("calendar.ical.skipped.invalid", title));
    }
    return Optional.empty();
  }

  private static IcsNotice notice(String key, Object... arguments) {
    return new IcsNotice(key, List.of(arguments));
  }

  /** The caller's subscription address, if they made one. */
  @RequiresPermission(CALENDAR_VIEW)
  public Optional<CalendarFeed> findMyFeed() {
    return em.createQuery("select f from CalendarFeed f where f.account = :me", CalendarFeed.class)
        .setParameter("me", me())
        .getResultStream()
        .findFirst();
  }

  /**
   * A new subscription address for the caller, replacing their old one (which stops working). The
   * secret is returned this once; only its hash is kept.
   */
  @RequiresPermission(CALENDAR_VIEW)
  public String createMyFeed() {
    Account me = me();
    findMyFeed().ifPresent(em::remove);
    em.flush();
    String secret = Secrets.newSecret();
    em.persist(new CalendarFeed(me, Secrets.sha256(secret)));
    audit.record(AuditAction.CALENDAR_FEED_CREATED, "account:" + me.getId(), me.getLogin());
    return secret;
  }

  /** Revokes the caller's subscription address: programs that use it get nothing from now on. */
  @RequiresPermission(CALENDAR_VIEW)
  public void revokeMyFeed() {
    Account me = me();
    findMyFeed()
        .ifPresent(
            feed -> {
              em.remove(feed);
              audit.record(
                  AuditAction.CALENDAR_FEED_REVOKED, "account:" + me.getId(), me.getLogin());
            });
  }

  /**
   * The feed behind a subscription address: the events of its owner's own calendars (the network's,
   * their town's, their working groups', their own) and those they are invited to and have not
   * declined, from a year ago on, as they see them. No permission is asked: the secret is the
   * credential, and a wrong or revoked one, or one of a deactivated account, finds nothing.
   */
  public String feed(@NotNull @Size(max = 100) String secret) {
    List<CalendarFeed> feeds =
        em.createQuery(
                "select f from CalendarFeed f join fetch f.account where f.tokenHash = :hash",
                CalendarFeed.class)
            .setParameter("hash", Secrets.sha256(secret))
            .getResultList();
    if (feeds.isEmpty() || !feeds.get(0).getAccount().isActive()) {
      throw new NoSuchFeedException();
    }
    CalendarFeed feed = feeds.get(0);
    Account owner = feed.getAccount();
    Instant now = Instant.now();
    // Written at most once a minute, so programs polling every few minutes do not keep rows busy.
    if (feed.getLastUsedAt() == null || feed.getLastUsedAt().isBefore(now.minusSeconds(60))) {
      feed.used(now);
    }
    onlyReadingFromHere();
    Set<SpaceRef> own = ownSpaces(owner);
    List<Long> calendarIds =
        em.createQuery("select c from EventCalendar c", EventCalendar.class)
            .getResultStream()
            .filter(c -> own.contains(c.getSpace()))
            .map(EventCalendar::getId)
            .toList();
    // And the events elsewhere they are invited to and have not declined.
    List<Long> invited =
        em.createQuery(
                "select a.event.id from Attendee a where a.answer <> :declined"
                    + " and (a.accountId = :account or a.personId = :person)",
                Long.class)
            .setParameter("declined", Answer.DECLINED)
            .setParameter("account", owner.getId())
            .setParameter("person", owner.getPerson() == null ? -1L : owner.getPerson().getId())
            .getResultList();
    Instant since = now.minus(Duration.ofDays(365));
    // In id order, each once. One calendar a query, as in occurrences(): with a list of calendars,
    // H2 reads each calendar's whole index and Hibernate translates the query anew for every list.
    Map<Long, CalendarEvent> events = new TreeMap<>();
    for (Long calendar : calendarIds) {
      em.createQuery(
              "select e from CalendarEvent e where e.calendar.id = :calendar"
                  + " and (e.rangeEnd is null or e.rangeEnd > :since)",
              CalendarEvent.class)
          .setParameter("calendar", calendar)
          .setParameter("since", since)
          .getResultList()
          .forEach(e -> events.put(e.getId(), e));
    }
    if (!invited.isEmpty()) {
      em.createQuery(
              "select e from CalendarEvent e where (e.id in :invited or e.master.id in :invited)"
                  + " and (e.rangeEnd is null or e.rangeEnd > :since)",
              CalendarEvent.class)
          .setParameter("invited", invited)
          .setParameter("since", since)
          .getResultList()
          .forEach(e -> events.put(e.getId(), e));
    }
    return write(
        Messages.format(owner.getLanguage().locale(), "calendar.feed.name"),
        List.copyOf(events.values()),
        ids -> documents.readableBy(Optional.of(owner), ids));
  }

  /** The spaces whose calendars are a person's own: all their events are theirs to see. */
  private Set<SpaceRef> ownSpaces(Account account) {
    Set<SpaceRef> own = new LinkedHashSet<>();
    own.add(SpaceRef.NETWORK);
    own.add(new SpaceRef(SpaceType.ORGANISATION, account.getOrganisation().getId()));
    spaces.spacesOf(account).stream()
        .filter(space -> space.getType() == SpaceType.WORKING_GROUP)
        .forEach(own::add);
    if (account.getPerson() != null) {
      own.add(new SpaceRef(SpaceType.PERSON, account.getPerson().getId()));
    }
    return own;
  }

  // Reminders

  /** How late a reminder may still go out, after a restart or when every node was down. */
  static final Duration REMINDER_GRACE = Duration.ofMinutes(15);

  /** The caller's reminder of an event (of its series), if they chose one. */
  @RequiresPermission(CALENDAR_VIEW)
  public Optional<EventReminder> findMyReminder(long eventId) {
    CalendarEvent event = visible(eventId, false);
    CalendarEvent series = event.isOverride() ? event.getMaster() : event;
    return em.createQuery(
            "select r from EventReminder r where r.event = :event and r.account = :me",
            EventReminder.class)
        .setParameter("event", series)
        .setParameter("me", me())
        .getResultStream()
        .findFirst();
  }

  /**
   * Sets the caller's reminder of an event they see (for a series: of each occurrence), or removes
   * it when {@code minutesBefore} is null.
   */
  @RequiresPermission(CALENDAR_VIEW)
  public void remindMe(long eventId, Integer minutesBefore, boolean byEmail, boolean inApp) {
    if (minutesBefore != null
        && (!EventReminder.LEAD_TIMES.contains(minutesBefore) || !(byEmail || inApp))) {
      throw new InvalidReminderException();
    }
    Optional<EventReminder> existing = findMyReminder(eventId);
    if (minutesBefore == null) {
      existing.ifPresent(em::remove);
      return;
    }
    CalendarEvent event = visible(eventId, false);
    EventReminder reminder =
        existing.orElseGet(
            () -> new EventReminder(event.isOverride() ? event.getMaster() : event, me()));
    reminder.set(minutesBefore, byEmail, inApp);
    if (existing.isEmpty()) {
      em.persist(reminder);
    }
  }

  /**
   * Every minute, on one node of the cluster (a persistent timer in the shared database), the
   * reminders that are due go out.
   */
  @Schedule(second = "0", minute = "*", hour = "*", persistent = true)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void sendDueRemindersRegularly() {
    sendDueReminders(Instant.now());
  }

  /**
   * Sends the reminders due at {@code now}: each for one occurrence, once, however many runs and
   * nodes ask at the same time ({@link #sendReminder} claims it first).
   *
   * @return how many this call sent
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int sendDueReminders(Instant now) {
    int sent = 0;
    for (DueReminder due : self.dueReminders(now)) {
      try {
        sent += self.sendReminder(due) ? 1 : 0;
      } catch (EJBException lostRace) {
        // Another run recorded the same reminder between our check and our insert.
        LOG.fine(() -> "Reminder " + due + " was sent by another run: " + lostRace);
      }
    }
    return sent;
  }

  /** A reminder due for one occurrence, by the occurrence's start. */
  public record DueReminder(long reminderId, Instant occurrenceStart) {}

  /** The reminders whose time has come within the grace period and that were not sent yet. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<DueReminder> dueReminders(Instant now) {
    Duration longest = Duration.ofMinutes(java.util.Collections.max(EventReminder.LEAD_TIMES));
    List<EventReminder> reminders =
        em.createQuery(
                "select r from EventReminder r join fetch r.event e where e.rangeStart <= :horizon"
                    + " and (e.rangeEnd is null or e.rangeEnd > :late)",
                EventReminder.class)
            .setParameter("horizon", now.plus(longest))
            .setParameter("late", now.minus(REMINDER_GRACE))
            .getResultList();
    Map<CalendarEvent, List<EventReminder>> byEvent = new HashMap<>();
    reminders.forEach(r -> byEvent.computeIfAbsent(r.getEvent(), e -> new ArrayList<>()).add(r));
    List<DueReminder> due = new ArrayList<>();
    for (Map.Entry<CalendarEvent, List<EventReminder>> entry : byEvent.entrySet()) {
      CalendarEvent event = entry.getKey();
      List<CalendarEvent> withOverrides = new ArrayList<>(List.of(event));
      if (event.isRecurring()) {
        withOverrides.addAll(invitations.overridesOf(event));
      }
      for (EventReminder reminder : entry.getValue()) {
        Duration lead = Duration.ofMinutes(reminder.getMinutesBefore());
        Instant from = now.minus(REMINDER_GRACE).plus(lead);
        Instant to = now.plus(lead).plusSeconds(1);
        for (Occurrence occurrence :
            Recurrences.expand(withOverrides, from, to, ZoneId.of("UTC"))) {
          Instant start = occurrence.start().toInstant();
          if (start.isAfter(from) && start.isBefore(to)) {
            due.add(new DueReminder(reminder.getId(), start));
          }
        }
      }
    }
    if (due.isEmpty()) {
      return due;
    }
    Set<String> sent = new HashSet<>();
    em.createQuery(
            "select s.reminderId, s.occurrenceStart from ReminderSent s"
                + " where s.reminderId in :reminders",
            Object[].class)
        .setParameter("reminders", due.stream().map(DueReminder::reminderId).distinct().toList())
        .getResultStream()
        .forEach(row -> sent.add(row[0] + " " + row[1]));
    return due.stream()
        .filter(d -> !sent.contains(d.reminderId() + " " + d.occurrenceStart()))
        .toList();
  }

  /**
   * Records a reminder as sent and sends it, in one transaction: the record's key (reminder,
   * occurrence) lets only one run through, and a failed sending forgets the record, so it is tried
   * again in the next minute.
   *
   * @return false when it was sent already
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean sendReminder(DueReminder due) {
    EventReminder reminder = em.find(EventReminder.class, due.reminderId());
    if (reminder == null
        || em.find(
                ReminderSent.class, new ReminderSent.Key(due.reminderId(), due.occurrenceStart()))
            != null) {
      return false;
    }
    em.persist(new ReminderSent(due.reminderId(), due.occurrenceStart(), Instant.now()));
    em.flush();
    Account account = reminder.getAccount();
    if (!account.isActive()) {
      return false;
    }
    CalendarEvent event = reminder.getEvent();
    Language language = account.getLanguage();
    ZoneId zone = account.getOrganisation().getCountry().timeZone();
    String when =
        java.time.format.DateTimeFormatter.ofLocalizedDateTime(
                java.time.format.FormatStyle.FULL, java.time.format.FormatStyle.SHORT)
            .withLocale(language.locale())
            .format(due.occurrenceStart().atZone(zone));
    String title = event.titleIn(language);
    String place = event.getLocation() == null ? "–" : event.getLocation();
    String link = "/calendar/view-event?id=" + event.getId();
    if (reminder.isInApp() && reminder.isByEmail()) {
      notifier.notify(account, "calendar.reminder", link, title, when, place);
    } else if (reminder.isInApp()) {
      notifier.notifyInApp(account, "calendar.reminder", link, title, when, place);
    } else {
      notifier.mail(account.getEmail(), language, "calendar.reminder", link, title, when, place);
    }
    return true;
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
    CalendarEvent event;
    try {
      event =
          em.find(
              CalendarEvent.class,
              eventId,
              lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE);
    } catch (OptimisticLockException changedMeanwhile) {
      // An event from the second-level cache is locked by its version: it changed while waiting.
      throw new ConcurrentChangeException();
    }
    if (event == null) {
      throw new RecordNotFoundException(CalendarEvent.class, eventId);
    }
    Optional<Account> account = account();
    if ((!seesCalendar(event.getCalendar(), account)
            || !EventCalendar.visibleTo(isMember(event.getCalendar(), account), account.isPresent())
                .contains(event.getVisibility()))
        && !isInvited(event, account)) {
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

  /**
   * The rest of this transaction reads many events and writes nothing: what it loads from here on
   * is not kept for dirty checking, and queries no longer flush first (with thousands of events
   * loaded, each query's dirty check took longer than the query). What was written before is
   * flushed now.
   */
  private void onlyReadingFromHere() {
    em.flush();
    Session session = em.unwrap(Session.class);
    session.setDefaultReadOnly(true);
    session.setHibernateFlushMode(FlushMode.COMMIT);
  }

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
      family.addAll(invitations.overridesOf(event));
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

  // ---------------------------------------------------------------------------------------------
  // Documents of the libraries attached to events (issue 6)
  // ---------------------------------------------------------------------------------------------

  /** The most documents one event (series) may have attached. */
  public static final int MAXIMUM_ATTACHMENTS = 20;

  /**
   * Attaches a document of a library to an event read at {@code expectedVersion}: a single event or
   * a series (through one of its overridden occurrences too: the attachments are the series'). Who
   * may change the event may attach any document they may read; a document they may not read is not
   * found, as in the libraries. The attachment is a change of the series (its version and SEQUENCE
   * rise, and its attendees get the update with the new ATTACH line); attaching a document that is
   * attached already changes nothing. At most {@value #MAXIMUM_ATTACHMENTS} documents.
   */
  @RequiresPermission(CALENDAR_EDIT)
  public EventAttachment attach(long eventId, long expectedVersion, long documentId) {
    CalendarEvent series = editableSeries(eventId, expectedVersion);
    Document document = documents.getDocument(documentId);
    List<EventDocument> attached = attachmentsOf(series);
    Optional<EventDocument> existing =
        attached.stream().filter(a -> a.getDocument().getId().equals(documentId)).findFirst();
    if (existing.isPresent()) {
      return EventAttachment.of(existing.get());
    }
    if (attached.size() >= MAXIMUM_ATTACHMENTS) {
      throw new TooManyAttachmentsException(MAXIMUM_ATTACHMENTS);
    }
    Account me = me();
    EventDocument attachment = new EventDocument(series, document, me.getLogin());
    em.persist(attachment);
    series.changed(me.getLogin(), Instant.now());
    em.flush();
    seriesChanged(series, series);
    audit.record(
        AuditAction.CALENDAR_DOCUMENT_ATTACHED,
        target(series),
        describe(document) + " to " + describe(series));
    return EventAttachment.of(attachment);
  }

  /**
   * Takes a document off an event read at {@code expectedVersion} (its series). A document the
   * caller may not read is not found, attached or not: they do not see it in the list either.
   */
  @RequiresPermission(CALENDAR_EDIT)
  public void detach(long eventId, long expectedVersion, long documentId) {
    CalendarEvent series = editableSeries(eventId, expectedVersion);
    EventDocument attachment =
        attachmentsOf(series).stream()
            .filter(a -> a.getDocument().getId().equals(documentId))
            .findFirst()
            .filter(a -> !documents.readable(List.of(documentId)).isEmpty())
            .orElseThrow(() -> new RecordNotFoundException(EventDocument.class, documentId));
    em.remove(attachment);
    series.changed(me().getLogin(), Instant.now());
    em.flush();
    seriesChanged(series, series);
    audit.record(
        AuditAction.CALENDAR_DOCUMENT_DETACHED,
        target(series),
        describe(attachment.getDocument()) + " from " + describe(series));
  }

  /**
   * The documents attached to an event the caller sees (an overridden occurrence: its series'), in
   * the order attached; only those the caller may read: the others are not even named.
   */
  @RequiresPermission(CALENDAR_VIEW)
  public List<EventAttachment> attachments(long eventId) {
    CalendarEvent event = visible(eventId, false);
    List<EventDocument> attached = attachmentsOf(event.isOverride() ? event.getMaster() : event);
    Set<Long> readable = new HashSet<>();
    documents
        .readable(attached.stream().map(a -> a.getDocument().getId()).toList())
        .forEach(d -> readable.add(d.getId()));
    return attached.stream()
        .filter(a -> readable.contains(a.getDocument().getId()))
        .map(EventAttachment::of)
        .toList();
  }

  /**
   * The series of an event the caller may change, read at {@code expectedVersion}: both locked, so
   * that two changes of the series' attachments take turns whichever occurrence they come through.
   */
  private CalendarEvent editableSeries(long eventId, long expectedVersion) {
    CalendarEvent event = editable(eventId, expectedVersion);
    if (!event.isOverride()) {
      return event;
    }
    CalendarEvent series = event.getMaster();
    em.lock(series, LockModeType.PESSIMISTIC_WRITE);
    return series;
  }

  private List<EventDocument> attachmentsOf(CalendarEvent series) {
    return em.createQuery(
            "select a from EventDocument a join fetch a.document where a.event = :series"
                + " order by a.attachedAt, a.id",
            EventDocument.class)
        .setParameter("series", series)
        .getResultList();
  }

  private static String describe(Document document) {
    return "document:" + document.getId() + " " + document.getTitle();
  }
}
