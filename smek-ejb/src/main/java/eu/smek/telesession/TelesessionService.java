package eu.smek.telesession;

import static eu.smek.security.Permissions.TELESESSION_MANAGE;
import static eu.smek.security.Permissions.TELESESSION_VIEW;

import eu.smek.audit.AuditAction;
import eu.smek.audit.AuditService;
import eu.smek.calendar.Attendee;
import eu.smek.calendar.CalendarEvent;
import eu.smek.calendar.CalendarService;
import eu.smek.calendar.CalendarSummary;
import eu.smek.calendar.EventDraft;
import eu.smek.calendar.Invitations;
import eu.smek.calendar.Invitee;
import eu.smek.calendar.InviteeType;
import eu.smek.documents.Approval;
import eu.smek.documents.ApprovalState;
import eu.smek.documents.Approver;
import eu.smek.documents.ApproverKind;
import eu.smek.documents.Decision;
import eu.smek.documents.Document;
import eu.smek.documents.DocumentDraft;
import eu.smek.documents.DocumentService;
import eu.smek.documents.DocumentType;
import eu.smek.documents.DocumentVersion;
import eu.smek.documents.Folder;
import eu.smek.documents.Library;
import eu.smek.documents.NamedContent;
import eu.smek.membership.MembershipStatus;
import eu.smek.membership.Organisation;
import eu.smek.membership.OrganisationType;
import eu.smek.membership.SpaceMembership;
import eu.smek.security.AccessDeniedException;
import eu.smek.security.Account;
import eu.smek.security.RequiresPermission;
import eu.smek.security.Role;
import eu.smek.security.Subjects;
import eu.smek.shared.ConcurrentChangeException;
import eu.smek.shared.Language;
import eu.smek.shared.Messages;
import eu.smek.shared.RecordNotFoundException;
import eu.smek.shared.SpaceRef;
import eu.smek.shared.SpaceType;
import eu.smek.shared.Visibility;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Telesessions: scheduling (a calendar event of the organising organisation, invitations through
 * the calendar), the agenda, attendance, and votes with quorum, majority and resolution numbers.
 *
 * <p>Who sees a session: its organisation's people, its chair and secretary, the people invited in
 * person or through their organisation, the association administrators, and, unless it is private,
 * every signed-in user with {@code telesession:view}; to anybody else it is not found. Who runs it:
 * its organisation's managers ({@code telesession:manage}) and the association administrators; the
 * chair opens and closes the session and its votes, the secretary corrects attendance.
 *
 * <p>One vote per member town present: cast by its coordinator, or by the person it designated for
 * the session, while present for it. A motion is adopted when the quorum is reached and more
 * organisations voted yes than no ({@link Majority}). Resolutions are numbered n/yyyy per calendar
 * year from a counter row locked in the database, so that two nodes closing votes at once give two
 * consecutive numbers.
 *
 * <p>Each session has its own document library (agenda documents, minutes), whose members are those
 * it invites. Its minutes are drafted in Polish, Slovak and English from its record, edited by the
 * secretary as sanitised HTML, submitted as tagged PDFs for approval by the member towns that
 * attended (the documents' approval), and published: what the towns approved is what is published.
 */
@Stateless
public class TelesessionService {

  /** The most organisations, and the most people, one session may invite. */
  public static final int MAXIMUM_INVITEES = 50;

  /** The most items an agenda may have. */
  public static final int MAXIMUM_AGENDA_ITEMS = 50;

  @PersistenceContext private EntityManager em;
  @Inject private AuditService audit;
  @Inject private SpaceMembership spaces;
  @EJB private CalendarService calendar;
  @Inject private Invitations invitations;
  @EJB private TelesessionService self;

  // Sessions

  /** The sessions the caller sees, newest first. */
  @RequiresPermission(TELESESSION_VIEW)
  public List<Telesession> list() {
    Account me = me();
    return em
        .createQuery("select t from Telesession t order by t.id desc", Telesession.class)
        .getResultList()
        .stream()
        .filter(t -> sees(t, me))
        .toList();
  }

  @RequiresPermission(TELESESSION_VIEW)
  public Telesession get(long id) {
    return visible(id, false);
  }

  /** The calendar event the session is scheduled as. */
  @RequiresPermission(TELESESSION_VIEW)
  public CalendarEvent eventOf(long id) {
    return em.find(CalendarEvent.class, visible(id, false).getEventId());
  }

  /** Whether the caller may change the session, its agenda and its status. */
  public boolean mayManage(Telesession session) {
    return Subjects.principal().isPresent() && mayManage(session, me());
  }

  /** The display names of accounts, by id: a session keeps people by id, the pages name them. */
  @RequiresPermission(TELESESSION_VIEW)
  public Map<Long, String> accountNames(@NotNull @Size(max = 1000) Collection<Long> ids) {
    Map<Long, String> names = new HashMap<>();
    if (!ids.isEmpty()) {
      em.createQuery("select a.id, a.displayName from Account a where a.id in :ids", Object[].class)
          .setParameter("ids", Set.copyOf(ids))
          .getResultList()
          .forEach(row -> names.put((Long) row[0], (String) row[1]));
    }
    return names;
  }

  /** The names of organisations, by id. */
  @RequiresPermission(TELESESSION_VIEW)
  public Map<Long, String> organisationNames(@NotNull @Size(max = 1000) Collection<Long> ids) {
    Map<Long, String> names = new HashMap<>();
    if (!ids.isEmpty()) {
      em.createQuery("select o.id, o.name from Organisation o where o.id in :ids", Object[].class)
          .setParameter("ids", Set.copyOf(ids))
          .getResultList()
          .forEach(row -> names.put((Long) row[0], (String) row[1]));
    }
    return names;
  }

  /**
   * Whom the caller may designate to cast their town's vote, by id with their names: the town's
   * active accounts if the caller coordinates it, else nobody.
   */
  @RequiresPermission(TELESESSION_VIEW)
  public Map<Long, String> designatable() {
    Account me = me();
    Map<Long, String> names = new LinkedHashMap<>();
    if (coordinates(me, me.getOrganisation().getId())) {
      em.createQuery(
              "select a from Account a where a.organisation.id = :organisation"
                  + " order by a.displayName, a.id",
              Account.class)
          .setParameter("organisation", me.getOrganisation().getId())
          .getResultStream()
          .filter(Account::isActive)
          .forEach(a -> names.put(a.getId(), a.getDisplayName()));
    }
    return names;
  }

  /**
   * Schedules a session of the caller's organisation: an event in its calendar, whose attendees are
   * the invited organisations' people and the invited people, invited as in the calendar.
   */
  @RequiresPermission(TELESESSION_MANAGE)
  public Telesession create(@NotNull @Valid TelesessionDraft draft) {
    Account me = me();
    checkDraft(draft);
    long organisation = me.getOrganisation().getId();
    long calendarId =
        calendar.calendars().stream()
            .map(CalendarSummary::calendar)
            .filter(
                c ->
                    c.getSpace().getType() == SpaceType.ORGANISATION
                        && c.getSpace().getId() == organisation)
            .findFirst()
            .orElseThrow()
            .getId();
    CalendarEvent event = calendar.createEvent(calendarId, eventDraft(draft, null));
    Telesession session =
        new Telesession(draft.title().strip(), organisation, event.getId(), me.getLogin());
    apply(session, draft);
    em.persist(session);
    em.flush();
    library(session);
    invite(session, draft.organisations(), draft.accounts());
    audit.record(AuditAction.TELESESSION_CREATED, target(session), describe(session));
    return session;
  }

  /**
   * Changes a planned session read at {@code expectedVersion}: its details, its event's times, and
   * new invitations (who is invited stays invited).
   */
  @RequiresPermission(TELESESSION_MANAGE)
  public Telesession update(long id, long expectedVersion, @NotNull @Valid TelesessionDraft draft) {
    Telesession session = manageable(id, expectedVersion);
    if (!session.getStatus().isEditable()) {
      throw new TelesessionNotEditableException();
    }
    checkDraft(draft);
    apply(session, draft);
    followVisibility(session);
    session.setTitle(draft.title().strip());
    CalendarEvent event = calendar.getEvent(session.getEventId());
    calendar.updateEvent(event.getId(), event.getVersion(), null, null, eventDraft(draft, event));
    Set<Long> organisations = new LinkedHashSet<>(draft.organisations());
    organisations.removeAll(session.getInvitedOrganisations());
    Set<Long> accounts = new LinkedHashSet<>(draft.accounts());
    accounts.removeAll(session.getInvitedAccounts());
    invite(session, organisations, accounts);
    em.flush();
    audit.record(AuditAction.TELESESSION_CHANGED, target(session), describe(session));
    return session;
  }

  /**
   * Moves a session read at {@code expectedVersion} to its next status. Closing it ends every
   * attendance still open, and is refused while a vote runs.
   */
  @RequiresPermission(TELESESSION_VIEW)
  public Telesession transition(long id, long expectedVersion, @NotNull TelesessionStatus target) {
    Telesession session = visible(id, true);
    Account me = me();
    if (!mayManage(session, me) && session.getChairAccountId() != me.getId()) {
      refuse(session);
    }
    checkVersion(session, expectedVersion);
    TelesessionStatus from = session.getStatus();
    // The minutes are approved by the towns' answers and published by publishMinutes.
    if (!from.mayMoveTo(target)
        || target == TelesessionStatus.MINUTES_APPROVED
        || target == TelesessionStatus.PUBLISHED) {
      throw new IllegalTransitionException(from, target);
    }
    Instant now = Instant.now();
    if (target == TelesessionStatus.CLOSED) {
      if (!openMotions(id).isEmpty()) {
        throw new MotionStillOpenException();
      }
      present(id).forEach(a -> a.setLeftAt(now));
    }
    session.moveTo(target, now);
    if (target == TelesessionStatus.MINUTES_DRAFTED) {
      draftMinutes(session);
    }
    em.flush();
    audit.record(AuditAction.TELESESSION_STATUS_CHANGED, target(session), from + " -> " + target);
    return session;
  }

  /** How many sessions are open now, for the metrics (every node reads the same figure). */
  public int countOpen() {
    return em.createQuery("select count(t) from Telesession t where t.status = :open", Long.class)
        .setParameter("open", TelesessionStatus.OPEN)
        .getSingleResult()
        .intValue();
  }

  // Withdrawing invitations

  /**
   * The organisers or the chair withdraw an organisation's invitation to a planned or open session:
   * its people invited through it get the calendar's cancellation (iMIP CANCEL), unless they are
   * invited in person too.
   */
  @RequiresPermission(TELESESSION_VIEW)
  public Telesession withdrawOrganisation(long id, long organisationId) {
    Telesession session = withdrawable(id);
    if (!session.getInvitedOrganisations().remove(organisationId)) {
      throw new RecordNotFoundException(Organisation.class, organisationId);
    }
    cancel(
        session,
        a ->
            a.getInvitedThroughType() == InviteeType.ORGANISATION
                && a.getInvitedThroughId() == organisationId
                && (a.getAccountId() == null
                    || !session.getInvitedAccounts().contains(a.getAccountId())));
    em.flush();
    audit.record(
        AuditAction.TELESESSION_INVITATION_WITHDRAWN,
        target(session),
        "organisation:" + organisationId);
    return session;
  }

  /**
   * The organisers or the chair withdraw a person's invitation to a planned or open session: they
   * get the calendar's cancellation, unless their organisation is invited too.
   */
  @RequiresPermission(TELESESSION_VIEW)
  public Telesession withdrawAccount(long id, long accountId) {
    Telesession session = withdrawable(id);
    if (!session.getInvitedAccounts().remove(accountId)) {
      throw new RecordNotFoundException(Account.class, accountId);
    }
    Account account = em.find(Account.class, accountId);
    if (account == null
        || !session.getInvitedOrganisations().contains(account.getOrganisation().getId())) {
      cancel(
          session,
          a ->
              a.getInvitedThroughType() == InviteeType.ACCOUNT
                  && a.getInvitedThroughId() == accountId);
    }
    em.flush();
    audit.record(
        AuditAction.TELESESSION_INVITATION_WITHDRAWN, target(session), "account:" + accountId);
    return session;
  }

  /** A session whose invitations the caller may withdraw now, locked. */
  private Telesession withdrawable(long id) {
    Telesession session = visible(id, true);
    // Read again under the lock: the invitations loaded with it may predate another withdrawal.
    em.refresh(session);
    Account me = me();
    if (!mayManage(session, me) && session.getChairAccountId() != me.getId()) {
      refuse(session);
    }
    TelesessionStatus status = session.getStatus();
    if (status != TelesessionStatus.PLANNED && status != TelesessionStatus.OPEN) {
      throw new InvitationsClosedException();
    }
    return session;
  }

  /** Takes the matching attendees off the session's event, as the calendar does. */
  private void cancel(Telesession session, Predicate<Attendee> withdrawn) {
    CalendarEvent event = em.find(CalendarEvent.class, session.getEventId());
    List<Attendee> attendees = invitations.attendeesOf(event).stream().filter(withdrawn).toList();
    if (attendees.isEmpty()) {
      return;
    }
    invitations.sendCancellations(event, attendees);
    attendees.forEach(em::remove);
    audit.record(
        AuditAction.CALENDAR_INVITATION_WITHDRAWN,
        "calendar-event:" + event.getId(),
        String.join(", ", attendees.stream().map(Attendee::getEmail).toList()));
  }

  // Agenda

  @RequiresPermission(TELESESSION_VIEW)
  public List<AgendaItem> agenda(long id) {
    visible(id, false);
    return items(id);
  }

  @RequiresPermission(TELESESSION_MANAGE)
  public AgendaItem addAgendaItem(long id, @NotNull @Valid AgendaItemDraft draft) {
    Telesession session = editableAgenda(id);
    List<AgendaItem> items = items(id);
    if (items.size() >= MAXIMUM_AGENDA_ITEMS) {
      throw new TooManyAgendaItemsException(MAXIMUM_AGENDA_ITEMS);
    }
    AgendaItem item = new AgendaItem(id, items.size());
    apply(item, draft);
    em.persist(item);
    em.flush();
    audit.record(
        AuditAction.TELESESSION_AGENDA_CHANGED, target(session), "added " + item.getTitle());
    return item;
  }

  @RequiresPermission(TELESESSION_MANAGE)
  public AgendaItem updateAgendaItem(
      long itemId, long expectedVersion, @NotNull @Valid AgendaItemDraft draft) {
    AgendaItem item = item(itemId);
    Telesession session = editableAgenda(item.getTelesessionId());
    if (item.getVersion() != expectedVersion) {
      throw new ConcurrentChangeException();
    }
    apply(item, draft);
    em.flush();
    audit.record(
        AuditAction.TELESESSION_AGENDA_CHANGED, target(session), "changed " + item.getTitle());
    return item;
  }

  @RequiresPermission(TELESESSION_MANAGE)
  public void removeAgendaItem(long itemId, long expectedVersion) {
    AgendaItem item = item(itemId);
    Telesession session = editableAgenda(item.getTelesessionId());
    if (item.getVersion() != expectedVersion) {
      throw new ConcurrentChangeException();
    }
    em.remove(item);
    int position = 0;
    for (AgendaItem other : items(session.getId())) {
      if (!other.getId().equals(item.getId())) {
        other.setPosition(position++);
      }
    }
    em.flush();
    audit.record(
        AuditAction.TELESESSION_AGENDA_CHANGED, target(session), "removed " + item.getTitle());
  }

  /** Puts the agenda in the given order, which names every item once. */
  @RequiresPermission(TELESESSION_MANAGE)
  public List<AgendaItem> reorder(
      long id, @NotNull @Size(max = MAXIMUM_AGENDA_ITEMS) List<@NotNull Long> order) {
    Telesession session = editableAgenda(id);
    List<AgendaItem> items = items(id);
    Map<Long, AgendaItem> byId = new HashMap<>();
    items.forEach(i -> byId.put(i.getId(), i));
    if (order.size() != items.size() || !byId.keySet().equals(new HashSet<>(order))) {
      throw new AgendaOrderInvalidException();
    }
    // Positions are not unique in the table, so the items can simply take their new places.
    for (int position = 0; position < order.size(); position++) {
      byId.get(order.get(position)).setPosition(position);
    }
    em.flush();
    audit.record(AuditAction.TELESESSION_AGENDA_CHANGED, target(session), "reordered " + order);
    return items(id);
  }

  // Attendance

  /**
   * The caller joins an open session for their organisation (the room calls this): an invited
   * person, one of an invited organisation, the organisers, the chair or the secretary.
   */
  @RequiresPermission(TELESESSION_VIEW)
  public Attendance join(long id) {
    Telesession session = visible(id, true);
    Account me = me();
    if (!invited(session, me)) {
      throw new NotInvitedToTelesessionException();
    }
    if (session.getStatus() != TelesessionStatus.OPEN) {
      throw new TelesessionNotOpenException();
    }
    Optional<Attendance> open =
        present(id).stream().filter(a -> a.getAccountId() == me.getId()).findFirst();
    if (open.isPresent()) {
      return open.get();
    }
    Attendance attendance =
        new Attendance(id, me.getId(), me.getOrganisation().getId(), Instant.now());
    em.persist(attendance);
    em.flush();
    return attendance;
  }

  /** The caller leaves the session: their open attendance ends now. */
  @RequiresPermission(TELESESSION_VIEW)
  public void leave(long id) {
    visible(id, true);
    long me = Subjects.requirePrincipal().accountId();
    Instant now = Instant.now();
    present(id).stream().filter(a -> a.getAccountId() == me).forEach(a -> a.setLeftAt(now));
  }

  @RequiresPermission(TELESESSION_VIEW)
  public List<Attendance> attendance(long id) {
    visible(id, false);
    return em.createQuery(
            "select a from Attendance a where a.telesessionId = :session"
                + " order by a.joinedAt, a.id",
            Attendance.class)
        .setParameter("session", id)
        .getResultList();
  }

  /**
   * The secretary adds an attendance the room could not record (someone on the phone), or corrects
   * one read at {@code expectedVersion}: times and a note saying why. Who attended and for which
   * organisation is kept: a wrong record is corrected to zero length with a note.
   *
   * @param attendanceId null to add a record for {@code accountId}
   */
  @RequiresPermission(TELESESSION_VIEW)
  public Attendance correctAttendance(
      long id,
      Long attendanceId,
      long expectedVersion,
      long accountId,
      @NotNull Instant joined,
      Instant left,
      @Size(max = Attendance.NOTE_LENGTH) @Pattern(regexp = EventDraft.TEXT) String note) {
    Telesession session = visible(id, true);
    Account me = me();
    if (session.getSecretaryAccountId() != me.getId() && !mayManage(session, me)) {
      refuse(session);
    }
    if (session.getStatus() == TelesessionStatus.PLANNED) {
      throw new TelesessionNotOpenException();
    }
    if (left != null && left.isBefore(joined)) {
      throw new AttendanceTimesInvalidException();
    }
    Attendance attendance;
    if (attendanceId == null) {
      Account attendee = em.find(Account.class, accountId);
      if (attendee == null || !attendee.isActive()) {
        throw new ParticipantInvalidException("accountId");
      }
      attendance = new Attendance(id, accountId, attendee.getOrganisation().getId(), joined);
      em.persist(attendance);
    } else {
      attendance = em.find(Attendance.class, attendanceId, LockModeType.PESSIMISTIC_WRITE);
      if (attendance == null || attendance.getTelesessionId() != id) {
        throw new RecordNotFoundException(Attendance.class, attendanceId);
      }
      if (attendance.getVersion() != expectedVersion) {
        throw new ConcurrentChangeException();
      }
    }
    attendance.correct(joined, left, blankToNull(note), me.getLogin());
    em.flush();
    audit.record(
        AuditAction.TELESESSION_ATTENDANCE_CORRECTED,
        target(session),
        "account " + attendance.getAccountId() + ": " + joined + " - " + left);
    return attendance;
  }

  /** The attendance as CSV (RFC 4180, safe to open in a spreadsheet). */
  @RequiresPermission(TELESESSION_VIEW)
  public String attendanceCsv(long id) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "account", "name", "organisation", "joined", "left", "source", "note", "corrected by"));
    for (Attendance a : attendance(id)) {
      Account account = em.find(Account.class, a.getAccountId());
      Organisation organisation = em.find(Organisation.class, a.getOrganisationId());
      rows.add(
          List.of(
              account.getLogin(),
              account.getDisplayName(),
              organisation.getName(),
              a.getJoinedAt().toString(),
              a.getLeftAt() == null ? "" : a.getLeftAt().toString(),
              a.getSource().name(),
              a.getNote() == null ? "" : a.getNote(),
              a.getCorrectedBy() == null ? "" : a.getCorrectedBy()));
    }
    return Csv.of(rows);
  }

  // Votes

  /**
   * The caller, coordinator of their organisation, designates an account of it to cast its vote in
   * the session (replacing an earlier designation).
   */
  @RequiresPermission(TELESESSION_VIEW)
  public Telesession designate(long id, long expectedVersion, long accountId) {
    Telesession session = visible(id, true);
    Account me = me();
    if (!coordinates(me, me.getOrganisation().getId())) {
      refuse(session);
    }
    checkVersion(session, expectedVersion);
    Account delegate = em.find(Account.class, accountId);
    if (delegate == null
        || !delegate.isActive()
        || !delegate.getOrganisation().getId().equals(me.getOrganisation().getId())) {
      throw new ParticipantInvalidException("accountId");
    }
    session.getDelegates().put(me.getOrganisation().getId(), accountId);
    em.flush();
    audit.record(
        AuditAction.TELESESSION_DELEGATE_DESIGNATED,
        target(session),
        me.getOrganisation().getCode() + ": " + delegate.getLogin());
    return session;
  }

  /** The chair opens a vote on an agenda item of the open session; one vote at a time. */
  @RequiresPermission(TELESESSION_VIEW)
  public Motion openMotion(
      long id,
      long agendaItemId,
      @NotNull @Size(min = 1, max = Motion.TEXT_LENGTH) @Pattern(regexp = EventDraft.TEXT)
          String text,
      @NotNull VoteKind kind) {
    Telesession session = visible(id, true);
    if (session.getChairAccountId() != me().getId()) {
      refuse(session);
    }
    if (session.getStatus() != TelesessionStatus.OPEN) {
      throw new TelesessionNotOpenException();
    }
    AgendaItem item = em.find(AgendaItem.class, agendaItemId);
    if (item == null || item.getTelesessionId() != id) {
      throw new RecordNotFoundException(AgendaItem.class, agendaItemId);
    }
    if (text.isBlank()) {
      throw new ParticipantInvalidException("text");
    }
    if (!openMotions(id).isEmpty()) {
      throw new MotionStillOpenException();
    }
    Motion motion = new Motion(id, agendaItemId, text.strip(), kind, Instant.now());
    em.persist(motion);
    em.flush();
    audit.record(
        AuditAction.TELESESSION_MOTION_OPENED, target(motion), kind + ": " + motion.getText());
    return motion;
  }

  /**
   * The caller casts their organisation's vote: they must be present for it, and its coordinator or
   * the person it designated; one ballot per organisation. The motion is locked first, so that two
   * ballots of one organisation at once are taken in turn and the second refused (a unique
   * constraint backs this). A secret ballot keeps who voted, its choice goes only to the tallies.
   */
  @RequiresPermission(TELESESSION_VIEW)
  public void cast(long motionId, @NotNull Choice choice) {
    Motion motion = lockedMotion(motionId);
    Telesession session = visible(motion.getTelesessionId(), false);
    Account me = me();
    long organisation = me.getOrganisation().getId();
    if (motion.getStatus() != MotionStatus.OPEN) {
      throw new MotionClosedException();
    }
    if (session.getStatus() != TelesessionStatus.OPEN) {
      throw new TelesessionNotOpenException();
    }
    if (!mayVoteFor(session, me, organisation)) {
      throw new NotEntitledToVoteException();
    }
    boolean present =
        present(session.getId()).stream()
            .anyMatch(a -> a.getAccountId() == me.getId() && a.getOrganisationId() == organisation);
    if (!present) {
      throw new NotPresentException();
    }
    long cast =
        em.createQuery(
                "select count(b) from Ballot b where b.motionId = :motion"
                    + " and b.organisationId = :organisation",
                Long.class)
            .setParameter("motion", motionId)
            .setParameter("organisation", organisation)
            .getSingleResult();
    if (cast > 0) {
      throw new AlreadyVotedException();
    }
    em.persist(
        motion.getKind() == VoteKind.SECRET
            ? Ballot.secret(motionId, organisation, me.getId())
            : Ballot.rollCall(motionId, organisation, me.getId(), choice, Instant.now()));
    motion.count(choice);
    em.flush();
    // A secret ballot's audit entry says who voted, never what.
    audit.record(
        AuditAction.TELESESSION_BALLOT_CAST,
        target(motion),
        me.getOrganisation().getCode()
            + (motion.getKind() == VoteKind.SECRET ? "" : ": " + choice));
  }

  /**
   * The chair closes the vote: the quorum is the member towns present now against those of the
   * register; adopted if the quorum is reached and yes outnumber no. An adopted motion gets the
   * next resolution number of the year (in the session's time zone).
   */
  @RequiresPermission(TELESESSION_VIEW)
  public Motion closeMotion(long motionId) {
    Motion motion = lockedMotion(motionId);
    Telesession session = visible(motion.getTelesessionId(), false);
    if (session.getChairAccountId() != me().getId()) {
      refuse(session);
    }
    if (motion.getStatus() != MotionStatus.OPEN) {
      throw new MotionClosedException();
    }
    int present = presentMembers(session.getId());
    int members =
        em.createQuery(
                "select count(o) from Organisation o where o.status = :member and o.type = :town",
                Long.class)
            .setParameter("member", MembershipStatus.MEMBER)
            .setParameter("town", OrganisationType.TOWN)
            .getSingleResult()
            .intValue();
    boolean quorum = session.getQuorum().reached(present, members);
    // Adopted when the quorum is reached and more organisations voted yes than no.
    boolean adopted = Majority.adopted(quorum, motion.getYes(), motion.getNo());
    Instant now = Instant.now();
    motion.close(now, present, members, quorum, adopted);
    if (adopted) {
      int year = now.atZone(zoneOf(session)).getYear();
      motion.numberResolution(year, nextResolutionNumber(year));
    }
    em.flush();
    audit.record(
        AuditAction.TELESESSION_MOTION_CLOSED,
        target(motion),
        motion.getYes()
            + " yes, "
            + motion.getNo()
            + " no, "
            + motion.getAbstain()
            + " abstain; "
            + present
            + " of "
            + members
            + " present; "
            + (adopted ? "adopted " + motion.getResolution() : "not adopted"));
    return motion;
  }

  @RequiresPermission(TELESESSION_VIEW)
  public List<Motion> motions(long id) {
    visible(id, false);
    return em.createQuery(
            "select m from Motion m where m.telesessionId = :session order by m.id", Motion.class)
        .setParameter("session", id)
        .getResultList();
  }

  /** A motion's tallies: a secret vote's only once closed. */
  @RequiresPermission(TELESESSION_VIEW)
  public Result result(long motionId) {
    Motion motion = em.find(Motion.class, motionId);
    if (motion == null) {
      throw new RecordNotFoundException(Motion.class, motionId);
    }
    visible(motion.getTelesessionId(), false);
    int ballots = ballots(motionId).size();
    boolean shown =
        motion.getKind() == VoteKind.ROLL_CALL || motion.getStatus() == MotionStatus.CLOSED;
    return shown
        ? new Result(motion, ballots, motion.getYes(), motion.getNo(), motion.getAbstain())
        : new Result(motion, ballots, null, null, null);
  }

  /** Who voted on a motion, for which organisation, and, in a roll call, how. */
  @RequiresPermission(TELESESSION_VIEW)
  public List<Ballot> ballots(long motionId) {
    Motion motion = em.find(Motion.class, motionId);
    if (motion == null) {
      throw new RecordNotFoundException(Motion.class, motionId);
    }
    visible(motion.getTelesessionId(), false);
    return em.createQuery(
            "select b from Ballot b where b.motionId = :motion order by b.organisationId",
            Ballot.class)
        .setParameter("motion", motionId)
        .getResultList();
  }

  /**
   * Makes the year's counter row if it does not exist yet, in a transaction of its own: two nodes
   * making it at once break the primary key, and the loser finds the winner's row.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void makeCounter(int year) {
    if (em.find(ResolutionCounter.class, year) == null) {
      em.persist(new ResolutionCounter(year));
      em.flush();
    }
  }

  private int nextResolutionNumber(int year) {
    if (em.find(ResolutionCounter.class, year) == null) {
      try {
        self.makeCounter(year);
      } catch (EJBException madeByAnother) {
        // Another transaction made it meanwhile: the lock below waits for it and reads it.
      }
    }
    ResolutionCounter counter =
        em.find(ResolutionCounter.class, year, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(counter, LockModeType.PESSIMISTIC_WRITE);
    return counter.next();
  }

  // The live room

  /**
   * The caller enters the room of the open session. The chair, the secretary and whoever the chair
   * let in before (and did not remove) are present at once, with their attendance recorded; anyone
   * else invited waits in the lobby until the chair admits them.
   */
  @RequiresPermission(TELESESSION_VIEW)
  public RoomEntry enterRoom(long id) {
    Telesession session = visible(id, true);
    Account me = me();
    if (!invited(session, me)) {
      throw new NotInvitedToTelesessionException();
    }
    if (session.getStatus() != TelesessionStatus.OPEN) {
      throw new TelesessionNotOpenException();
    }
    boolean letIn =
        session.getChairAccountId() == me.getId()
            || session.getSecretaryAccountId() == me.getId()
            || lastStay(id, me.getId()).map(stay -> !stay.isRemoved()).orElse(false);
    if (letIn) {
      stay(session, me);
    }
    return RoomEntry.of(session.getId(), me, letIn);
  }

  /** The chair lets someone in from the lobby: their attendance starts now. */
  @RequiresPermission(TELESESSION_VIEW)
  public RoomEntry admit(long id, long accountId) {
    Telesession session = chaired(id);
    Account guest = em.find(Account.class, accountId);
    if (guest == null || !guest.isActive() || !invited(session, guest)) {
      throw new NotInvitedToTelesessionException();
    }
    stay(session, guest);
    return RoomEntry.of(id, guest, true);
  }

  /** The chair removes someone from the room: their stay ends, and they return only if admitted. */
  @RequiresPermission(TELESESSION_VIEW)
  public void removeFromRoom(long id, long accountId) {
    Telesession session = chaired(id);
    if (accountId == session.getChairAccountId()) {
      throw new ParticipantInvalidException("account");
    }
    Instant now = Instant.now();
    present(id).stream().filter(a -> a.getAccountId() == accountId).forEach(a -> a.remove(now));
    audit.record(AuditAction.TELESESSION_CHANGED, target(session), "removed " + accountId);
  }

  /** The chair hands the chair over to someone present. */
  @RequiresPermission(TELESESSION_VIEW)
  public void handOverChair(long id, long accountId) {
    Telesession session = chaired(id);
    if (present(id).stream().noneMatch(a -> a.getAccountId() == accountId)) {
      throw new NotPresentException();
    }
    session.setChairAccountId(accountId);
    em.flush();
    audit.record(AuditAction.TELESESSION_CHANGED, target(session), "chair handed to " + accountId);
  }

  /** The chair shows an agenda item to everyone (or none, with null). */
  @RequiresPermission(TELESESSION_VIEW)
  public Optional<AgendaItem> showItem(long id, Long itemId) {
    Telesession session = chaired(id);
    AgendaItem item = null;
    if (itemId != null) {
      item = em.find(AgendaItem.class, itemId);
      if (item == null || item.getTelesessionId() != id) {
        throw new RecordNotFoundException(AgendaItem.class, itemId);
      }
    }
    session.setCurrentItemId(itemId);
    return Optional.ofNullable(item);
  }

  /** Refuses anyone but the chair of the open session (before muting someone, for instance). */
  @RequiresPermission(TELESESSION_VIEW)
  public void checkChair(long id) {
    chaired(id);
  }

  /** Someone present writes in the room's chat, which is kept with the record. */
  @RequiresPermission(TELESESSION_VIEW)
  public ChatMessage postChat(
      long id,
      @NotNull @Size(min = 1, max = ChatMessage.TEXT_LENGTH) @Pattern(regexp = EventDraft.TEXT)
          String text) {
    Telesession session = visible(id, false);
    Account me = me();
    if (session.getStatus() != TelesessionStatus.OPEN) {
      throw new TelesessionNotOpenException();
    }
    if (present(id).stream().noneMatch(a -> a.getAccountId() == me.getId())) {
      throw new NotInRoomException();
    }
    if (text.isBlank()) {
      throw new ParticipantInvalidException("text");
    }
    ChatMessage message =
        new ChatMessage(id, me.getId(), me.getDisplayName(), text.strip(), Instant.now());
    em.persist(message);
    return message;
  }

  /** The room's chat, oldest first. */
  @RequiresPermission(TELESESSION_VIEW)
  public List<ChatMessage> chat(long id) {
    visible(id, false);
    return em.createQuery(
            "select c from ChatMessage c where c.telesessionId = :session order by c.id",
            ChatMessage.class)
        .setParameter("session", id)
        .getResultList();
  }

  private Telesession chaired(long id) {
    Telesession session = visible(id, true);
    if (session.getChairAccountId() != me().getId()) {
      refuse(session);
    }
    if (session.getStatus() != TelesessionStatus.OPEN) {
      throw new TelesessionNotOpenException();
    }
    return session;
  }

  /** Starts the account's stay in the session, unless one is open already. */
  private void stay(Telesession session, Account account) {
    if (present(session.getId()).stream().noneMatch(a -> a.getAccountId() == account.getId())) {
      em.persist(
          new Attendance(
              session.getId(), account.getId(), account.getOrganisation().getId(), Instant.now()));
      em.flush();
    }
  }

  private Optional<Attendance> lastStay(long id, long accountId) {
    return em.createQuery(
            "select a from Attendance a where a.telesessionId = :session"
                + " and a.accountId = :account order by a.joinedAt desc",
            Attendance.class)
        .setParameter("session", id)
        .setParameter("account", accountId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  // Rules of access

  private boolean sees(Telesession session, Account me) {
    return invited(session, me)
        || spaces.coordinates(SpaceRef.NETWORK, me)
        || session.getVisibility() != Visibility.PRIVATE;
  }

  /** Invited in person or through the organisation, organisers, chair and secretary. */
  private boolean invited(Telesession session, Account me) {
    long organisation = me.getOrganisation().getId();
    return organisation == session.getOrganisationId()
        || session.getChairAccountId() == me.getId()
        || session.getSecretaryAccountId() == me.getId()
        || session.getInvitedAccounts().contains(me.getId())
        || session.getInvitedOrganisations().contains(organisation);
  }

  private boolean mayManage(Telesession session, Account me) {
    return Subjects.isPermitted(TELESESSION_MANAGE)
        && (me.getOrganisation().getId() == session.getOrganisationId()
            || spaces.coordinates(SpaceRef.NETWORK, me));
  }

  /** The coordinator of a town, who casts its vote (DESIGN.md: cell coordinators). */
  private boolean coordinates(Account account, long organisation) {
    return account.getOrganisation().getId() == organisation
        && account.getRoles().contains(Role.TOWN_COORDINATOR);
  }

  private boolean mayVoteFor(Telesession session, Account me, long organisation) {
    // One vote per member town; the associations coordinate the network and do not vote.
    Organisation voter = em.find(Organisation.class, organisation);
    if (voter == null
        || voter.getStatus() != MembershipStatus.MEMBER
        || voter.getType() != OrganisationType.TOWN) {
      return false;
    }
    Long delegate = session.getDelegates().get(organisation);
    return coordinates(me, organisation)
        || (delegate != null && delegate.longValue() == me.getId());
  }

  private Telesession visible(long id, boolean lock) {
    Telesession session;
    try {
      if (lock) {
        // The row is locked before it is read: a find with a lock may read first and lock after
        // (PostgreSQL, with the eagerly joined collections), and a change committed in between
        // then counted as a concurrent change although this one comes after it.
        em.createQuery("select t from Telesession t where t.id = :id", Telesession.class)
            .setParameter("id", id)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
      }
      session = em.find(Telesession.class, id);
    } catch (OptimisticLockException changedMeanwhile) {
      throw new ConcurrentChangeException();
    }
    if (session == null) {
      throw new RecordNotFoundException(Telesession.class, id);
    }
    if (!sees(session, me())) {
      audit.recordIndependently(AuditAction.ACCESS_DENIED, "TelesessionService", target(session));
      throw new RecordNotFoundException(Telesession.class, id);
    }
    return session;
  }

  private Telesession manageable(long id, long expectedVersion) {
    Telesession session = visible(id, true);
    if (!mayManage(session, me())) {
      refuse(session);
    }
    checkVersion(session, expectedVersion);
    return session;
  }

  private Telesession editableAgenda(long id) {
    Telesession session = visible(id, true);
    if (!mayManage(session, me())) {
      refuse(session);
    }
    if (!session.getStatus().isEditable()) {
      throw new TelesessionNotEditableException();
    }
    return session;
  }

  private static void checkVersion(Telesession session, long expectedVersion) {
    if (session.getVersion() != expectedVersion) {
      throw new ConcurrentChangeException();
    }
  }

  private void refuse(Telesession session) {
    audit.recordIndependently(AuditAction.ACCESS_DENIED, "TelesessionService", target(session));
    throw new AccessDeniedException(TELESESSION_MANAGE + ":" + target(session));
  }

  // Helpers

  private void checkDraft(TelesessionDraft draft) {
    if (!draft.end().isAfter(draft.start())) {
      throw new TelesessionTimesInvalidException();
    }
    Quorum quorum = draft.quorum();
    if (quorum != null && !Quorum.valid(quorum.getNumerator(), quorum.getDenominator())) {
      throw new QuorumInvalidException(Quorum.MAXIMUM_DENOMINATOR);
    }
    activeAccount(draft.chairAccountId(), "chairAccountId");
    activeAccount(draft.secretaryAccountId(), "secretaryAccountId");
    draft.accounts().forEach(a -> activeAccount(a, "accounts"));
    for (long organisation : draft.organisations()) {
      Organisation invited = em.find(Organisation.class, organisation);
      if (invited == null || invited.getStatus() != MembershipStatus.MEMBER) {
        throw new ParticipantInvalidException("organisations");
      }
    }
  }

  private void activeAccount(long id, String field) {
    Account account = em.find(Account.class, id);
    if (account == null || !account.isActive()) {
      throw new ParticipantInvalidException(field);
    }
  }

  private static void apply(Telesession session, TelesessionDraft draft) {
    session.setDescription(blankToNull(draft.description()));
    session.setVisibility(draft.visibility());
    session.setChairAccountId(draft.chairAccountId());
    session.setSecretaryAccountId(draft.secretaryAccountId());
    if (draft.quorum() != null) {
      session.setQuorum(
          new Quorum(
              draft.quorum().getNumerator(),
              draft.quorum().getDenominator(),
              draft.quorum().isStrict()));
    }
  }

  private static void apply(AgendaItem item, AgendaItemDraft draft) {
    item.setTitle(draft.title().strip());
    item.setPresenter(blankToNull(draft.presenter()));
    item.setPlannedMinutes(draft.plannedMinutes());
  }

  private static EventDraft eventDraft(TelesessionDraft draft, CalendarEvent existing) {
    return new EventDraft(
        draft.title().strip(),
        blankToNull(draft.description()),
        existing == null ? null : existing.getLanguage(),
        existing == null ? null : existing.getTranslations(),
        existing == null ? null : existing.getLocation(),
        false,
        draft.start(),
        draft.end(),
        draft.timeZone(),
        null,
        existing == null ? null : existing.getCategories(),
        draft.visibility());
  }

  /** Invites organisations and people to the session and, through the calendar, to its event. */
  private void invite(Telesession session, Set<Long> organisations, Set<Long> accounts) {
    List<Invitee> invitees = new ArrayList<>();
    organisations.forEach(o -> invitees.add(new Invitee(InviteeType.ORGANISATION, o)));
    accounts.forEach(a -> invitees.add(new Invitee(InviteeType.ACCOUNT, a)));
    session.getInvitedOrganisations().addAll(organisations);
    session.getInvitedAccounts().addAll(accounts);
    for (int from = 0; from < invitees.size(); from += CalendarService.MAXIMUM_INVITEES) {
      CalendarEvent event = calendar.getEvent(session.getEventId());
      calendar.invite(
          event.getId(),
          event.getVersion(),
          invitees.subList(
              from, Math.min(invitees.size(), from + CalendarService.MAXIMUM_INVITEES)));
    }
  }

  private List<AgendaItem> items(long id) {
    return em.createQuery(
            "select i from AgendaItem i where i.telesessionId = :session order by i.position, i.id",
            AgendaItem.class)
        .setParameter("session", id)
        .getResultList();
  }

  private AgendaItem item(long itemId) {
    AgendaItem item = em.find(AgendaItem.class, itemId);
    if (item == null) {
      throw new RecordNotFoundException(AgendaItem.class, itemId);
    }
    return item;
  }

  private List<Attendance> present(long id) {
    return em.createQuery(
            "select a from Attendance a where a.telesessionId = :session and a.leftAt is null",
            Attendance.class)
        .setParameter("session", id)
        .getResultList();
  }

  /** The member towns with someone present for them now. */
  private int presentMembers(long id) {
    return em.createQuery(
            "select count(distinct a.organisationId) from Attendance a, Organisation o"
                + " where a.telesessionId = :session and a.leftAt is null"
                + " and o.id = a.organisationId and o.status = :member and o.type = :town",
            Long.class)
        .setParameter("session", id)
        .setParameter("member", MembershipStatus.MEMBER)
        .setParameter("town", OrganisationType.TOWN)
        .getSingleResult()
        .intValue();
  }

  private List<Motion> openMotions(long id) {
    return em.createQuery(
            "select m from Motion m where m.telesessionId = :session and m.status = :open",
            Motion.class)
        .setParameter("session", id)
        .setParameter("open", MotionStatus.OPEN)
        .getResultList();
  }

  private Motion lockedMotion(long motionId) {
    Motion motion;
    try {
      motion = em.find(Motion.class, motionId, LockModeType.PESSIMISTIC_WRITE);
    } catch (OptimisticLockException changedMeanwhile) {
      throw new ConcurrentChangeException();
    }
    if (motion == null) {
      throw new RecordNotFoundException(Motion.class, motionId);
    }
    return motion;
  }

  private ZoneId zoneOf(Telesession session) {
    CalendarEvent event = em.find(CalendarEvent.class, session.getEventId());
    try {
      return ZoneId.of(event.getTimeZone());
    } catch (RuntimeException unknown) {
      return ZoneOffset.UTC;
    }
  }

  private Account me() {
    return em.find(Account.class, Subjects.requirePrincipal().accountId());
  }

  private static String target(Telesession session) {
    return "telesession:" + session.getId();
  }

  private static String target(Motion motion) {
    return "telesession-motion:" + motion.getId();
  }

  private static String describe(Telesession session) {
    return session.getTitle() + ", " + session.getVisibility() + ", quorum " + session.getQuorum();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  // The session's library, the agenda's documents and the minutes (see MinutesWriter, MinutesPdf)

  /** The languages the minutes are drafted, approved and published in, in this order. */
  public static final List<Language> MINUTES_LANGUAGES =
      List.of(Language.PL, Language.SK, Language.EN);

  @EJB private DocumentService documents;

  /** The session's document library, if it has one yet (sessions before V21 get it when needed). */
  @RequiresPermission(TELESESSION_VIEW)
  public Optional<Long> libraryOf(long id) {
    return Optional.ofNullable(visible(id, false).getLibraryId());
  }

  /**
   * Uploads a document into the session's library and attaches it to an agenda item; the chair, the
   * secretary and the session's managers may.
   */
  @RequiresPermission(TELESESSION_VIEW)
  public Document attachDocument(
      long itemId, @NotNull @Valid DocumentDraft draft, @NotNull NamedContent file) {
    AgendaItem item = item(itemId);
    Telesession session = visible(item.getTelesessionId(), true);
    requireKeeper(session);
    Document document = documents.upload(library(session).getId(), null, draft, null, file);
    item.getDocumentIds().add(document.getId());
    em.flush();
    audit.record(
        AuditAction.TELESESSION_AGENDA_CHANGED,
        target(session),
        "attached document:" + document.getId() + " to " + item.getTitle());
    return document;
  }

  /** Takes a document off an agenda item; it stays in the session's library. */
  @RequiresPermission(TELESESSION_VIEW)
  public void detachDocument(long itemId, long documentId) {
    AgendaItem item = item(itemId);
    Telesession session = visible(item.getTelesessionId(), true);
    requireKeeper(session);
    if (!item.getDocumentIds().remove(documentId)) {
      throw new RecordNotFoundException(Document.class, documentId);
    }
    em.flush();
    audit.record(
        AuditAction.TELESESSION_AGENDA_CHANGED,
        target(session),
        "detached document:" + documentId + " from " + item.getTitle());
  }

  /** The documents of each agenda item that the caller may read, by item id, by title. */
  @RequiresPermission(TELESESSION_VIEW)
  public Map<Long, List<Document>> agendaDocuments(long id) {
    visible(id, false);
    Map<Long, List<Document>> byItem = new LinkedHashMap<>();
    for (AgendaItem item : items(id)) {
      byItem.put(
          item.getId(),
          documents.readable(item.getDocumentIds()).stream()
              .sorted(java.util.Comparator.comparing(Document::getTitle))
              .toList());
    }
    return byItem;
  }

  /** The minutes in each language (none before they are drafted), Polish, Slovak, English. */
  @RequiresPermission(TELESESSION_VIEW)
  public List<Minutes> minutes(long id) {
    visible(id, false);
    return em.createQuery("select m from Minutes m where m.telesessionId = :session", Minutes.class)
        .setParameter("session", id)
        .getResultStream()
        .sorted(java.util.Comparator.comparing(m -> MINUTES_LANGUAGES.indexOf(m.getLanguage())))
        .toList();
  }

  /** Whether the caller keeps the minutes: the session's secretary or chair. */
  public boolean keepsMinutes(Telesession session) {
    return Subjects.principal().isPresent() && keepsMinutes(session, me());
  }

  /**
   * The secretary (or chair) saves the minutes in one language, read at {@code expectedVersion},
   * while they are a draft that is not waiting for the towns' answers. The HTML is sanitised (see
   * {@link MinutesHtml}); what is longer than {@link Minutes#MAXIMUM_HTML} characters is refused,
   * before and after sanitising.
   */
  @RequiresPermission(TELESESSION_VIEW)
  public Minutes saveMinutes(
      long id, @NotNull Language language, long expectedVersion, @NotNull String html) {
    Telesession session = visible(id, true);
    Account me = me();
    if (!keepsMinutes(session, me)) {
      refuse(session);
    }
    // While the towns are answering, what they read stays what they were asked about.
    if (session.getStatus() != TelesessionStatus.MINUTES_DRAFTED || awaitingAnswers(id)) {
      throw new MinutesNotEditableException();
    }
    if (html.length() > Minutes.MAXIMUM_HTML) {
      throw new MinutesTooLongException(Minutes.MAXIMUM_HTML);
    }
    String clean = MinutesHtml.sanitise(html);
    if (clean.length() > Minutes.MAXIMUM_HTML) {
      throw new MinutesTooLongException(Minutes.MAXIMUM_HTML);
    }
    Minutes minutes =
        minutes(id).stream()
            .filter(m -> m.getLanguage() == language)
            .findFirst()
            .orElseThrow(() -> new RecordNotFoundException(Minutes.class, language));
    if (minutes.getVersion() != expectedVersion) {
      throw new ConcurrentChangeException();
    }
    minutes.change(clean, me.getLogin(), Instant.now());
    try {
      em.flush();
    } catch (OptimisticLockException changedMeanwhile) {
      throw new ConcurrentChangeException();
    }
    audit.record(
        AuditAction.TELESESSION_MINUTES_CHANGED,
        target(session),
        language + ", " + clean.length() + " characters");
    return minutes;
  }

  /**
   * The secretary (or chair) submits the minutes: each language is printed as a tagged PDF into the
   * minutes' folder of the session's library (a new version if submitted before), the three are
   * linked as language versions, and every member town that attended is asked to approve each of
   * them through the documents' approval, answered by its coordinator.
   */
  @RequiresPermission(TELESESSION_VIEW)
  public List<Document> submitMinutes(long id) {
    Telesession session = visible(id, true);
    if (!keepsMinutes(session, me())) {
      refuse(session);
    }
    if (session.getStatus() != TelesessionStatus.MINUTES_DRAFTED) {
      throw new MinutesNotEditableException();
    }
    List<Approver> approvers =
        attendingMembers(id).stream()
            .map(o -> new Approver(ApproverKind.ORGANISATION, o, null))
            .toList();
    if (approvers.isEmpty()) {
      throw new NoMinutesApproversException();
    }
    Library library = library(session);
    List<Document> submitted = new ArrayList<>();
    for (Minutes minutes : minutes(id)) {
      Language language = minutes.getLanguage();
      String title = minutesTitle(session, language);
      NamedContent pdf =
          new NamedContent(
              "minutes-" + session.getId() + "-" + language.code() + ".pdf",
              new java.io.ByteArrayInputStream(
                  MinutesPdf.print(minutes.getHtml(), title, language)));
      if (minutes.getDocumentId() == null) {
        DocumentDraft draft =
            new DocumentDraft(title, null, DocumentType.MINUTES, language, Set.of(), null);
        minutes.setDocumentId(
            documents
                .upload(library.getId(), session.getMinutesFolderId(), draft, null, pdf)
                .getId());
      } else {
        documents.addVersion(minutes.getDocumentId(), null, pdf);
      }
      Document document = documents.getDocument(minutes.getDocumentId());
      documents.submitForApproval(
          document.getId(), document.getCurrentVersion().orElseThrow().getNumber(), approvers);
      submitted.add(document);
    }
    Document first = submitted.get(0);
    for (Document other : submitted.subList(1, submitted.size())) {
      if (other.getLanguageGroup() == null
          || !other.getLanguageGroup().equals(first.getLanguageGroup())) {
        documents.linkLanguageVersions(first.getId(), other.getId());
      }
    }
    em.flush();
    audit.record(
        AuditAction.TELESESSION_MINUTES_SUBMITTED,
        target(session),
        approvers.size() + " towns asked to approve");
    return submitted;
  }

  /**
   * A town's coordinator approves (or rejects) the submitted minutes for the town, in every
   * language at once. When every town asked has approved every language, the minutes are approved.
   */
  @RequiresPermission(TELESESSION_VIEW)
  public Telesession answerMinutes(
      long id, boolean approve, @Size(max = Approval.COMMENT_LENGTH) String comment) {
    Telesession session = visible(id, true);
    if (session.getStatus() != TelesessionStatus.MINUTES_DRAFTED) {
      throw new MinutesNotPendingException();
    }
    long town = me().getOrganisation().getId();
    List<Approval> mine =
        currentVersions(id).stream()
            .filter(v -> v.getApprovalState() == ApprovalState.PENDING)
            .flatMap(v -> v.getApprovals().stream())
            .filter(a -> a.asks(ApproverKind.ORGANISATION, town))
            .filter(a -> a.getDecision() == Decision.PENDING)
            .toList();
    if (mine.isEmpty()) {
      throw new NotMinutesApproverException();
    }
    for (Approval approval : mine) {
      documents.decide(approval.getId(), approve, comment);
    }
    if (approvedEverywhere(id)) {
      session.moveTo(TelesessionStatus.MINUTES_APPROVED, Instant.now());
      audit.record(
          AuditAction.TELESESSION_STATUS_CHANGED,
          target(session),
          TelesessionStatus.MINUTES_DRAFTED + " -> " + TelesessionStatus.MINUTES_APPROVED);
    }
    em.flush();
    return session;
  }

  /** The state of the approval of the minutes in each language, as the current versions say. */
  @RequiresPermission(TELESESSION_VIEW)
  public Map<Language, ApprovalState> minutesApproval(long id) {
    visible(id, false);
    Map<Language, ApprovalState> states = new LinkedHashMap<>();
    for (Minutes minutes : minutes(id)) {
      states.put(
          minutes.getLanguage(),
          minutes.getDocumentId() == null
              ? ApprovalState.NOT_SUBMITTED
              : em.find(Document.class, minutes.getDocumentId())
                  .getCurrentVersion()
                  .map(v -> v.getApprovalState())
                  .orElse(ApprovalState.NOT_SUBMITTED));
    }
    return states;
  }

  /**
   * Publishes the approved minutes: the PDFs the towns approved become readable by whoever may read
   * the session's library (everyone, on the portal too, for a public session), and the session is
   * published. What was approved is what is published, byte for byte.
   */
  @RequiresPermission(TELESESSION_VIEW)
  public Telesession publishMinutes(long id, long expectedVersion) {
    Telesession session = visible(id, true);
    requireKeeper(session);
    checkVersion(session, expectedVersion);
    Instant now = Instant.now();
    if (session.getStatus() == TelesessionStatus.MINUTES_DRAFTED && approvedEverywhere(id)) {
      // Approved on the documents' pages rather than here.
      session.moveTo(TelesessionStatus.MINUTES_APPROVED, now);
    }
    if (session.getStatus() != TelesessionStatus.MINUTES_APPROVED) {
      throw new MinutesNotApprovedException();
    }
    em.find(Folder.class, session.getMinutesFolderId()).setVisibility(null);
    session.moveTo(TelesessionStatus.PUBLISHED, now);
    em.flush();
    audit.record(
        AuditAction.TELESESSION_STATUS_CHANGED,
        target(session),
        TelesessionStatus.MINUTES_APPROVED + " -> " + TelesessionStatus.PUBLISHED);
    return session;
  }

  /** Writes the first draft of the minutes in every language from the session's record. */
  private void draftMinutes(Telesession session) {
    library(session);
    MinutesFacts facts = facts(session);
    String by = me().getLogin();
    Instant now = Instant.now();
    for (Language language : MINUTES_LANGUAGES) {
      em.persist(
          new Minutes(session.getId(), language, MinutesWriter.draft(facts, language), by, now));
    }
  }

  private MinutesFacts facts(Telesession session) {
    long id = session.getId();
    ZoneId zone = zoneOf(session);
    CalendarEvent event = em.find(CalendarEvent.class, session.getEventId());
    List<Attendance> attendance = attendance(id);
    Set<Long> accounts = new HashSet<>();
    Set<Long> organisations = new HashSet<>();
    accounts.add(session.getChairAccountId());
    accounts.add(session.getSecretaryAccountId());
    organisations.add(session.getOrganisationId());
    attendance.forEach(
        a -> {
          accounts.add(a.getAccountId());
          organisations.add(a.getOrganisationId());
        });
    Map<Long, String> people = accountNames(accounts);
    Map<Long, String> towns = organisationNames(organisations);
    Map<Long, List<MinutesFacts.Vote>> votes = new HashMap<>();
    for (Motion motion : motions(id)) {
      Result result = result(motion.getId());
      votes
          .computeIfAbsent(motion.getAgendaItemId(), item -> new ArrayList<>())
          .add(
              new MinutesFacts.Vote(
                  motion.getText(),
                  motion.getKind(),
                  result.yes(),
                  result.no(),
                  result.abstain(),
                  motion.getPresent(),
                  motion.getMembers(),
                  motion.getQuorumReached(),
                  motion.getAdopted(),
                  motion.getResolution()));
    }
    List<MinutesFacts.Item> agenda = new ArrayList<>();
    for (AgendaItem item : items(id)) {
      agenda.add(
          new MinutesFacts.Item(
              agenda.size() + 1,
              item.getTitle(),
              item.getPresenter(),
              votes.getOrDefault(item.getId(), List.of())));
    }
    return new MinutesFacts(
        session.getTitle(),
        towns.get(session.getOrganisationId()),
        event.getStart().atZone(zone).toInstant(),
        event.getEnd().atZone(zone).toInstant(),
        zone,
        people.get(session.getChairAccountId()),
        people.get(session.getSecretaryAccountId()),
        attendance.stream()
            .map(
                a ->
                    new MinutesFacts.Present(
                        people.get(a.getAccountId()),
                        towns.get(a.getOrganisationId()),
                        a.getJoinedAt(),
                        a.getLeftAt()))
            .toList(),
        agenda);
  }

  /**
   * The session's library, made with the session (sessions made before V21 get theirs here): its
   * members, those the session invites, read; its chair, secretary and the organiser's coordinator
   * manage. Public for a public session, else private to its members; the minutes' folder is
   * private until the minutes are published.
   */
  private Library library(Telesession session) {
    if (session.getLibraryId() != null) {
      return em.find(Library.class, session.getLibraryId());
    }
    String name = session.getTitle();
    Library library =
        new Library(
            new SpaceRef(SpaceType.TELESESSION, session.getId()),
            name.length() > Library.NAME_LENGTH ? name.substring(0, Library.NAME_LENGTH) : name,
            libraryVisibility(session));
    library.getRights().clear();
    em.persist(library);
    Folder folder =
        new Folder(
            library,
            null,
            MINUTES_LANGUAGES.stream()
                .map(l -> Messages.format(l.locale(), "telesession.minutes"))
                .collect(java.util.stream.Collectors.joining(" · ")),
            Visibility.PRIVATE);
    em.persist(folder);
    em.flush();
    session.setLibraryId(library.getId());
    session.setMinutesFolderId(folder.getId());
    audit.record(
        AuditAction.LIBRARY_CREATED, "library:" + library.getId(), target(session) + ": " + name);
    return library;
  }

  /** Keeps the library's visibility with the session's: public for a public one. */
  private void followVisibility(Telesession session) {
    if (session.getLibraryId() != null) {
      em.find(Library.class, session.getLibraryId()).setVisibility(libraryVisibility(session));
    }
  }

  private static Visibility libraryVisibility(Telesession session) {
    return session.getVisibility() == Visibility.PUBLIC ? Visibility.PUBLIC : Visibility.PRIVATE;
  }

  private static String minutesTitle(Telesession session, Language language) {
    String title =
        Messages.format(language.locale(), "telesession.minutes.heading", session.getTitle());
    return title.length() > Document.TITLE_LENGTH
        ? title.substring(0, Document.TITLE_LENGTH)
        : title;
  }

  /** The member towns with anyone recorded as attending for them. */
  private List<Long> attendingMembers(long id) {
    return em.createQuery(
            "select distinct a.organisationId from Attendance a, Organisation o"
                + " where a.telesessionId = :session and o.id = a.organisationId"
                + " and o.status = :member and o.type = :town order by a.organisationId",
            Long.class)
        .setParameter("session", id)
        .setParameter("member", MembershipStatus.MEMBER)
        .setParameter("town", OrganisationType.TOWN)
        .getResultList();
  }

  private List<DocumentVersion> currentVersions(long id) {
    List<DocumentVersion> versions = new ArrayList<>();
    for (Minutes minutes : minutes(id)) {
      if (minutes.getDocumentId() != null) {
        em.find(Document.class, minutes.getDocumentId())
            .getCurrentVersion()
            .ifPresent(versions::add);
      }
    }
    return versions;
  }

  private boolean awaitingAnswers(long id) {
    return currentVersions(id).stream()
        .anyMatch(v -> v.getApprovalState() == ApprovalState.PENDING);
  }

  private boolean approvedEverywhere(long id) {
    List<DocumentVersion> versions = currentVersions(id);
    return versions.size() == MINUTES_LANGUAGES.size()
        && versions.stream().allMatch(v -> v.getApprovalState() == ApprovalState.APPROVED);
  }

  private boolean keepsMinutes(Telesession session, Account me) {
    return session.getSecretaryAccountId() == me.getId()
        || session.getChairAccountId() == me.getId();
  }

  /** The chair, the secretary or the session's managers, who keep its papers. */
  private void requireKeeper(Telesession session) {
    Account me = me();
    if (!keepsMinutes(session, me) && !mayManage(session, me)) {
      refuse(session);
    }
  }
}
