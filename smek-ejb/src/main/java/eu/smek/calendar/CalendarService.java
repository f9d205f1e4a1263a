package eu.smek.calendar;

import static eu.smek.security.Permissions.CALENDAR_EDIT;
import static eu.smek.security.Permissions.CALENDAR_VIEW;

import eu.smek.audit.AuditAction;
import eu.smek.audit.AuditService;
import eu.smek.membership.SpaceMembership;
import eu.smek.security.AccessDeniedException;
import eu.smek.security.Account;
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
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
  @Inject private Invitations invitations;

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
      audit.record(AuditAction.CALENDAR_EVENT_DELETED, target(event), describe(event));
      return;
    }
    if (!event.isRecurring()
        || scope == null
        || scope == EditScope.SERIES
        || (scope == EditScope.THIS_AND_FOLLOWING && event.getStart().equals(occurrence))) {
      cancelInvitations(event);
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
}
