package eu.smek.calendar;

import eu.smek.calendar.ical.IcsAttachment;
import eu.smek.calendar.ical.IcsAttendee;
import eu.smek.calendar.ical.IcsEvent;
import eu.smek.calendar.ical.IcsMethod;
import eu.smek.calendar.ical.IcsPartStat;
import eu.smek.calendar.ical.IcsPerson;
import eu.smek.calendar.ical.IcsRole;
import eu.smek.calendar.ical.IcsStatus;
import eu.smek.calendar.ical.IcsWriter;
import eu.smek.documents.DocumentService;
import eu.smek.infrastructure.Like;
import eu.smek.infrastructure.Notifier;
import eu.smek.membership.Cell;
import eu.smek.membership.Organisation;
import eu.smek.membership.Person;
import eu.smek.membership.WorkingGroup;
import eu.smek.security.Account;
import eu.smek.shared.Language;
import eu.smek.shared.Messages;
import eu.smek.shared.OutgoingMail;
import eu.smek.shared.RecordNotFoundException;
import eu.smek.shared.SearchKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The work behind {@link CalendarService}'s invitations: who an invitation reaches, the attendees
 * of an event, and the iMIP e-mails (RFC 6047) they get. Runs in the service's transaction, so the
 * e-mails are queued with the change they report and go out after it commits.
 *
 * <p>Every invitation e-mail carries a new secret answer link (its SHA-256 is kept); an older
 * e-mail's link then stops working, so only the latest version of an invitation can be answered
 * without signing in. The iCalendar part names the recipient alone as attendee: invitees of a whole
 * organisation do not learn each other's addresses.
 */
@ApplicationScoped
public class Invitations {

  /** The most attendees one event may have. */
  public static final int MAXIMUM_ATTENDEES = 500;

  /** The answer link's secret: 32 random bytes in Base64url, 43 characters. */
  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int BODY_LENGTH = 8000;

  @PersistenceContext private EntityManager em;
  @Inject private Event<Notifier.MailQueued> queued;
  @Inject private DocumentService documents;

  /** Someone an invitation reaches, before they are an attendee. */
  public record Candidate(
      Long accountId, Long personId, String email, String name, Language language) {

    String key() {
      return email.toLowerCase(Locale.ROOT);
    }
  }

  // Who is invited

  /** The name of what an invitation names, as the organiser sees it on the list. */
  public String nameOf(Invitee invitee) {
    return switch (invitee.type()) {
      case ACCOUNT -> find(Account.class, invitee.id()).getDisplayName();
      case PERSON -> find(Person.class, invitee.id()).getFullName();
      case CELL -> find(Cell.class, invitee.id()).getName();
      case ORGANISATION -> find(Organisation.class, invitee.id()).getName();
      case WORKING_GROUP -> find(WorkingGroup.class, invitee.id()).getName();
    };
  }

  /**
   * The accounts (active ones) and the people without one but with an e-mail that an invitation
   * reaches, each once, in a stable order.
   */
  public List<Candidate> expand(Invitee invitee) {
    Map<String, Candidate> found = new LinkedHashMap<>();
    switch (invitee.type()) {
      case ACCOUNT -> {
        Account account = find(Account.class, invitee.id());
        if (account.isActive()) {
          add(found, candidate(account));
        }
      }
      case PERSON -> person(find(Person.class, invitee.id())).ifPresent(c -> add(found, c));
      case CELL -> {
        find(Cell.class, invitee.id());
        em.createQuery(
                "select p from Person p where p.cell.id = :cell order by p.familyName, p.id",
                Person.class)
            .setParameter("cell", invitee.id())
            .getResultList()
            .forEach(p -> person(p).ifPresent(c -> add(found, c)));
      }
      case ORGANISATION -> {
        find(Organisation.class, invitee.id());
        em.createQuery(
                "select a from Account a where a.organisation.id = :organisation and a.active ="
                    + " true order by a.displayName, a.id",
                Account.class)
            .setParameter("organisation", invitee.id())
            .getResultList()
            .forEach(a -> add(found, candidate(a)));
        em.createQuery(
                "select p from Person p where p.cell.organisation.id = :organisation"
                    + " order by p.familyName, p.id",
                Person.class)
            .setParameter("organisation", invitee.id())
            .getResultList()
            .forEach(p -> person(p).ifPresent(c -> add(found, c)));
      }
      case WORKING_GROUP -> {
        WorkingGroup group = find(WorkingGroup.class, invitee.id());
        if (group.getCoordinator() != null) {
          person(group.getCoordinator()).ifPresent(c -> add(found, c));
        }
        group.getMembers().stream()
            .sorted(Comparator.comparing(Person::getFamilyName).thenComparing(Person::getId))
            .forEach(p -> person(p).ifPresent(c -> add(found, c)));
      }
    }
    return List.copyOf(found.values());
  }

  /**
   * Accounts, people, cells, organisations and working groups whose name contains the text, at most
   * {@code max} of each kind, for the invitation form.
   */
  public List<InviteeOption> options(String text, int max) {
    String like = Like.contains(text.strip().toLowerCase(Locale.ROOT));
    String folded = Like.contains(SearchKeys.fold(text));
    List<InviteeOption> options = new ArrayList<>();
    em.createQuery(
            "select a from Account a where a.active = true and lower(a.displayName) like :text"
                + " escape '\\' order by a.displayName",
            Account.class)
        .setParameter("text", like)
        .setMaxResults(max)
        .getResultList()
        .forEach(
            a ->
                options.add(
                    new InviteeOption(
                        InviteeType.ACCOUNT,
                        a.getId(),
                        a.getDisplayName(),
                        a.getOrganisation().getName())));
    em.createQuery(
            "select p from Person p where p.searchKey like :text escape '\\'"
                + " order by p.familyName, p.givenName",
            Person.class)
        .setParameter("text", folded)
        .setMaxResults(max)
        .getResultList()
        .forEach(
            p ->
                options.add(
                    new InviteeOption(
                        InviteeType.PERSON,
                        p.getId(),
                        p.getFullName(),
                        p.getCell().getOrganisation().getName())));
    em.createQuery(
            "select o from Organisation o where o.searchKey like :text escape '\\'"
                + " order by o.name",
            Organisation.class)
        .setParameter("text", folded)
        .setMaxResults(max)
        .getResultList()
        .forEach(
            o ->
                options.add(
                    new InviteeOption(InviteeType.ORGANISATION, o.getId(), o.getName(), null)));
    em.createQuery(
            "select c from Cell c where c.organisation.searchKey like :text escape '\\'"
                + " order by c.organisation.name",
            Cell.class)
        .setParameter("text", folded)
        .setMaxResults(max)
        .getResultList()
        .forEach(
            c -> options.add(new InviteeOption(InviteeType.CELL, c.getId(), c.getName(), null)));
    em.createQuery(
            "select g from WorkingGroup g where g.searchKey like :text escape '\\'",
            WorkingGroup.class)
        .setParameter("text", folded)
        .setMaxResults(max)
        .getResultList()
        .forEach(
            g ->
                options.add(
                    new InviteeOption(InviteeType.WORKING_GROUP, g.getId(), g.getName(), null)));
    return options;
  }

  private static void add(Map<String, Candidate> found, Candidate candidate) {
    if (mailable(candidate.email())) {
      found.putIfAbsent(candidate.key(), candidate);
    }
  }

  /** Whether an address can go into an iMIP message (plain, without quotes or line breaks). */
  static boolean mailable(String email) {
    try {
      new IcsPerson(null, email);
      return true;
    } catch (IllegalArgumentException | NullPointerException e) {
      return false;
    }
  }

  /** A person's account if they have an active one, else the person by their e-mail, if any. */
  private Optional<Candidate> person(Person person) {
    List<Account> accounts =
        em.createQuery("select a from Account a where a.person = :person", Account.class)
            .setParameter("person", person)
            .getResultList();
    if (!accounts.isEmpty()) {
      Account account = accounts.get(0);
      return account.isActive() ? Optional.of(candidate(account)) : Optional.empty();
    }
    if (person.getEmail() == null || person.getEmail().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        new Candidate(
            null,
            person.getId(),
            person.getEmail().strip(),
            person.getFullName(),
            Notifier.languageOf(person.getCell().getOrganisation().getCountry())));
  }

  private static Candidate candidate(Account account) {
    return new Candidate(
        account.getId(),
        account.getPerson() == null ? null : account.getPerson().getId(),
        account.getEmail(),
        account.getDisplayName(),
        Messages.hasBundle(account.getLanguage()) ? account.getLanguage() : Language.DEFAULT);
  }

  // Attendees

  /** The event that holds the attendees: the series of an overridden occurrence, else itself. */
  public static CalendarEvent seriesOf(CalendarEvent event) {
    return event.isOverride() ? event.getMaster() : event;
  }

  public List<Attendee> attendeesOf(CalendarEvent event) {
    return em.createQuery(
            "select a from Attendee a where a.event = :event order by a.displayName, a.id",
            Attendee.class)
        .setParameter("event", seriesOf(event))
        .getResultList();
  }

  public Optional<Attendee> attendeeOf(CalendarEvent event, long accountId) {
    return em.createQuery(
            "select a from Attendee a where a.event = :event and a.accountId = :account",
            Attendee.class)
        .setParameter("event", seriesOf(event))
        .setParameter("account", accountId)
        .getResultStream()
        .findFirst();
  }

  /** Whether the account is invited to the event (without loading the attendee). */
  public boolean isInvited(CalendarEvent event, long accountId) {
    return em.createQuery(
                "select count(a) from Attendee a where a.event = :event and a.accountId = :account",
                Long.class)
            .setParameter("event", seriesOf(event))
            .setParameter("account", accountId)
            .getSingleResult()
        > 0;
  }

  /** Makes an attendee of the candidate; the secret comes with the first e-mail. */
  public Attendee add(
      CalendarEvent series, Candidate candidate, Invitee through, String throughName, String by) {
    Attendee attendee =
        new Attendee(
            series,
            candidate.accountId(),
            candidate.personId(),
            candidate.email(),
            candidate.name(),
            candidate.language(),
            through.type(),
            through.id(),
            throughName,
            hash(newSecret()),
            by);
    em.persist(attendee);
    return attendee;
  }

  /**
   * The attendees of a series that a change split off (a new UID from this occurrence on) are
   * invited to the new series too, through what they were invited through, with their answer.
   */
  public void copyAttendees(CalendarEvent from, CalendarEvent to, String by) {
    for (Attendee old : attendeesOf(from)) {
      Attendee copy =
          new Attendee(
              to,
              old.getAccountId(),
              old.getPersonId(),
              old.getEmail(),
              old.getDisplayName(),
              old.getLanguage(),
              old.getInvitedThroughType(),
              old.getInvitedThroughId(),
              old.getInvitedThroughName(),
              hash(newSecret()),
              by);
      copy.answer(old.getAnswer(), old.getAnsweredAt());
      em.persist(copy);
    }
  }

  /** The attendee whose answer link this is, locked for the answer, if any. */
  public Optional<Attendee> byToken(String secret) {
    if (secret == null || !SECRET.matcher(secret).matches()) {
      return Optional.empty();
    }
    return em.createQuery("select a from Attendee a where a.tokenHash = :hash", Attendee.class)
        .setParameter("hash", hash(secret))
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  // E-mails

  /** Queues an invitation (or, with {@code update}, the changed event) to each attendee. */
  public void sendRequests(CalendarEvent event, List<Attendee> attendees, boolean update) {
    CalendarEvent series = seriesOf(event);
    List<Long> attached =
        em.createQuery(
                "select a.document.id from EventDocument a where a.event = :series"
                    + " order by a.attachedAt, a.id",
                Long.class)
            .setParameter("series", series)
            .getResultList();
    for (Attendee attendee : attendees) {
      String secret = newSecret();
      attendee.setTokenHash(hash(secret));
      queue(
          attendee,
          IcsMethod.REQUEST,
          ics(series, attendee, attachmentsFor(attendee, attached), Instant.now()),
          update ? "calendar.invitation.mail.update" : "calendar.invitation.mail.request",
          series,
          Notifier.PUBLIC_URL + "/calendar/answer-invitation.xhtml?token=" + secret);
    }
  }

  /**
   * Queues the cancellation of the event (same UID, a higher SEQUENCE) to each attendee: the event
   * was deleted, or they were taken off its list.
   */
  public void sendCancellations(CalendarEvent event, List<Attendee> attendees) {
    CalendarEvent series = seriesOf(event);
    Instant now = Instant.now();
    for (Attendee attendee : attendees) {
      queue(
          attendee,
          IcsMethod.CANCEL,
          List.of(vevent(series, series, attendee, List.of(), now).cancelled(now)),
          "calendar.invitation.mail.cancel",
          series,
          Notifier.PUBLIC_URL + "/calendar/view-event.xhtml?id=" + series.getId());
    }
  }

  private void queue(
      Attendee attendee,
      IcsMethod method,
      List<IcsEvent> ics,
      String key,
      CalendarEvent series,
      String link) {
    Locale locale = attendee.getLanguage().locale();
    Object[] arguments = {
      attendee.getDisplayName(),
      series.getOrganiserName() == null ? "SMEK-int" : series.getOrganiserName(),
      series.titleIn(attendee.getLanguage()),
      when(series, locale),
      series.getLocation() == null ? "—" : series.getLocation(),
      link
    };
    String subject = Messages.format(locale, key + ".subject", arguments);
    String body =
        Messages.format(locale, key + ".body", arguments)
            + "\n\n-- \n"
            + Messages.format(locale, "mail.signature");
    em.persist(
        new OutgoingMail(
            attendee.getEmail(),
            subject.length() > 300 ? subject.substring(0, 300) : subject,
            body.length() > BODY_LENGTH ? body.substring(0, BODY_LENGTH) : body,
            method.name(),
            IcsWriter.write(method, ics)));
    queued.fire(new Notifier.MailQueued());
  }

  /** When the event takes place, in its own zone, as the reader writes dates. */
  static String when(CalendarEvent event, Locale locale) {
    if (event.isAllDay()) {
      DateTimeFormatter days =
          DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
      String first = days.format(event.getStart().toLocalDate());
      String last = days.format(event.getEnd().toLocalDate().minusDays(1));
      return first.equals(last) ? first : first + " – " + last;
    }
    DateTimeFormatter times =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
            .withLocale(locale);
    DateTimeFormatter hours =
        DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
    ZoneId zone = event.zone();
    String end =
        event.getEnd().toLocalDate().equals(event.getStart().toLocalDate())
            ? hours.format(event.getEnd())
            : times.format(event.getEnd().atZone(zone));
    return times.format(event.getStart().atZone(zone)) + " – " + end + " (" + zone.getId() + ")";
  }

  /**
   * The attached documents the attendee could open by the link: as their account may read them, or
   * (invited by address, or deactivated) as anyone may, what public libraries hold.
   */
  private List<IcsAttachment> attachmentsFor(Attendee attendee, List<Long> attached) {
    if (attached.isEmpty()) {
      return List.of();
    }
    Optional<Account> account =
        Optional.ofNullable(attendee.getAccountId()).map(id -> em.find(Account.class, id));
    return documents.readableBy(account, attached).stream().map(CalendarIcs::attachment).toList();
  }

  /**
   * The series as the attendee's calendar program should hold it, naming only them: the rule and
   * each overridden occurrence (same UID, its RECURRENCE-ID), so that a moved occurrence moves
   * there too; each with the attached documents.
   */
  List<IcsEvent> ics(
      CalendarEvent series, Attendee attendee, List<IcsAttachment> attachments, Instant now) {
    List<IcsEvent> events = new ArrayList<>();
    events.add(vevent(series, series, attendee, attachments, now));
    overridesOf(series)
        .forEach(override -> events.add(vevent(series, override, attendee, attachments, now)));
    return events;
  }

  /** The overridden occurrences of a series, in the order of their original starts. */
  List<CalendarEvent> overridesOf(CalendarEvent series) {
    return em.createQuery(
            "select e from CalendarEvent e where e.master = :series order by e.recurrenceId",
            CalendarEvent.class)
        .setParameter("series", series)
        .getResultList();
  }

  /** One VEVENT: the series itself, or one of its overridden occurrences. */
  IcsEvent vevent(
      CalendarEvent series,
      CalendarEvent event,
      Attendee attendee,
      List<IcsAttachment> attachments,
      Instant now) {
    Account organiser =
        series.getOrganiserAccountId() == null
            ? null
            : em.find(Account.class, series.getOrganiserAccountId());
    String organiserEmail =
        organiser == null || !mailable(organiser.getEmail())
            ? "smek-int@localhost.localdomain"
            : organiser.getEmail();
    List<Temporal> exdates = new ArrayList<>();
    event.getExcludedStarts().forEach(start -> exdates.add(temporal(event, start)));
    return IcsEvent.builder(
            series.getUid(), temporal(event, event.getStart()), temporal(event, event.getEnd()))
        .sequence(series.getSequence())
        .stamp(now)
        .summary(event.titleIn(attendee.getLanguage()))
        .description(event.descriptionIn(attendee.getLanguage()))
        .location(event.getLocation())
        .url(URI.create(Notifier.PUBLIC_URL + "/calendar/view-event.xhtml?id=" + series.getId()))
        .categories(List.copyOf(event.getCategories()))
        .status(IcsStatus.CONFIRMED)
        .rrule(event.getRrule())
        .exdates(exdates)
        .recurrenceId(event.isOverride() ? temporal(series, event.getRecurrenceId()) : null)
        .organizer(new IcsPerson(series.getOrganiserName(), organiserEmail))
        .attendees(
            List.of(
                new IcsAttendee(
                    attendee.getDisplayName(),
                    attendee.getEmail(),
                    IcsRole.valueOf(attendee.getRole()),
                    IcsPartStat.valueOf(attendee.getAnswer().name()),
                    true)))
        .attachments(attachments)
        .build();
  }

  private static Temporal temporal(CalendarEvent event, LocalDateTime time) {
    return event.isAllDay() ? time.toLocalDate() : time.atZone(event.zone());
  }

  // Secrets

  static String newSecret() {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private <T> T find(Class<T> type, long id) {
    T found = em.find(type, id);
    if (found == null) {
      throw new RecordNotFoundException(type, id);
    }
    return found;
  }
}
