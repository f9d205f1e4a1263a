package eu.smek.telesession;

import eu.smek.calendar.CalendarEvent;
import eu.smek.calendar.DemoEvents;
import eu.smek.calendar.Invitations;
import eu.smek.calendar.Invitee;
import eu.smek.calendar.InviteeType;
import eu.smek.membership.MembershipStatus;
import eu.smek.membership.Organisation;
import eu.smek.membership.OrganisationType;
import eu.smek.security.Account;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The telesessions of the demo database, for the guided tour and the browser tests: the network
 * council planned for Wednesday next week, with its agenda and every member town invited, and the
 * pilot session held two weeks ago, closed, with its attendance and a roll-call vote adopted as a
 * numbered resolution. Both are organised by the Polish association, chaired by the demo
 * administrator with the demo clerk as secretary. Runs in the transaction of {@code InitialData},
 * which calls it once; the calendar's attendees are made without e-mails.
 */
@ApplicationScoped
public class DemoTelesessions {

  /** The title of the planned session, which tests and the README look for. */
  public static final String PLANNED = "Rada sieci SMEK: telesesja";

  /** The title of the closed session. */
  public static final String CLOSED = "Pilotażowa telesesja sieci";

  private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

  @PersistenceContext private EntityManager em;
  @Inject private Invitations invitations;
  @Inject private DemoEvents demoEvents;

  public void create() {
    Account chair = account("admin");
    Account secretary = account("clerk");
    Account coordinator = account("coordinator");
    List<Long> towns =
        em.createQuery(
                "select o.id from Organisation o where o.status = :member and o.type = :town"
                    + " order by o.code",
                Long.class)
            .setParameter("member", MembershipStatus.MEMBER)
            .setParameter("town", OrganisationType.TOWN)
            .getResultList();
    LocalDate today = LocalDate.now(WARSAW);

    Telesession planned =
        session(
            PLANNED,
            "Przegląd współpracy, kalendarz wydarzeń i nowi członkowie sieci.",
            today.plusWeeks(1).with(DayOfWeek.WEDNESDAY).atTime(10, 0),
            chair,
            secretary,
            towns);
    item(planned, 0, "Otwarcie i sprawdzenie kworum", "Anna Nowak", 10);
    item(planned, 1, "Sprawozdanie z pracy grup roboczych", "Piotr Kowalski", 30);
    item(planned, 2, "Kalendarz wydarzeń transgranicznych na lato", "Jana Horváthová", 30);
    item(planned, 3, "Wnioski o przystąpienie do sieci", "Anna Nowak", 20);

    LocalDateTime held =
        today
            .minusWeeks(2)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.THURSDAY))
            .atTime(11, 0);
    Telesession closed =
        session(
            CLOSED,
            "Pierwsza telesesja sieci: próba pokoju online i wspólnej uchwały.",
            held,
            chair,
            secretary,
            towns);
    // A pilot's quorum, which the two towns with demo accounts reach.
    closed.setQuorum(new Quorum(1, 6, false));
    item(closed, 0, "Próba połączenia z ratuszami", "Martin Kováč", 15);
    AgendaItem calendar = item(closed, 1, "Wspólny kalendarz wydarzeń sieci", "Anna Nowak", 30);
    Instant opened = held.atZone(WARSAW).toInstant();
    closed.moveTo(TelesessionStatus.OPEN, opened);
    Instant later = opened.plusSeconds(90 * 60);
    // The clerk casts Humenné's vote, as its coordinator designated.
    long humenne = secretary.getOrganisation().getId();
    closed.getDelegates().put(humenne, secretary.getId());
    for (Account present : List.of(chair, secretary, coordinator)) {
      Attendance attendance =
          new Attendance(
              closed.getId(),
              present.getId(),
              present.getOrganisation().getId(),
              opened.plusSeconds(60));
      attendance.setLeftAt(later);
      em.persist(attendance);
    }
    Motion motion =
        new Motion(
            closed.getId(),
            calendar.getId(),
            "Sieć prowadzi wspólny kalendarz wydarzeń w SMEK-int; miasta wpisują swoje wydarzenia"
                + " transgraniczne do końca miesiąca.",
            VoteKind.ROLL_CALL,
            opened.plusSeconds(45 * 60));
    em.persist(motion);
    for (Account voter : List.of(coordinator, secretary)) {
      em.persist(
          Ballot.rollCall(
              motion.getId(),
              voter.getOrganisation().getId(),
              voter.getId(),
              Choice.YES,
              opened.plusSeconds(50 * 60)));
      motion.count(Choice.YES);
    }
    int present = 2;
    boolean quorum = closed.getQuorum().reached(present, towns.size());
    motion.close(
        opened.plusSeconds(55 * 60),
        present,
        towns.size(),
        quorum,
        Majority.adopted(quorum, motion.getYes(), motion.getNo()));
    int year = held.getYear();
    ResolutionCounter counter = em.find(ResolutionCounter.class, year);
    if (counter == null) {
      counter = new ResolutionCounter(year);
      em.persist(counter);
    }
    motion.numberResolution(year, counter.next());
    closed.moveTo(TelesessionStatus.CLOSED, later);
  }

  /** A session of the Polish association, as an event of its calendar with every town invited. */
  private Telesession session(
      String title,
      String description,
      LocalDateTime start,
      Account chair,
      Account secretary,
      List<Long> towns) {
    Organisation association = chair.getOrganisation();
    CalendarEvent event =
        demoEvents.organisationEvent(association, title, description, start, 2, chair);
    Telesession session =
        new Telesession(title, association.getId(), event.getId(), chair.getLogin());
    session.setDescription(description);
    session.setChairAccountId(chair.getId());
    session.setSecretaryAccountId(secretary.getId());
    session.getInvitedOrganisations().addAll(towns);
    em.persist(session);
    Set<String> invited = new HashSet<>();
    invited.add(chair.getEmail().toLowerCase(Locale.ROOT));
    for (long town : towns) {
      Invitee invitee = new Invitee(InviteeType.ORGANISATION, town);
      String name = invitations.nameOf(invitee);
      for (Invitations.Candidate candidate : invitations.expand(invitee)) {
        if (invited.add(candidate.email().toLowerCase(Locale.ROOT))) {
          invitations.add(event, candidate, invitee, name, chair.getLogin());
        }
      }
    }
    return session;
  }

  private AgendaItem item(
      Telesession session, int position, String title, String presenter, int minutes) {
    AgendaItem item = new AgendaItem(session.getId(), position);
    item.setTitle(title);
    item.setPresenter(presenter);
    item.setPlannedMinutes(minutes);
    em.persist(item);
    return item;
  }

  private Account account(String login) {
    return em.createQuery("select a from Account a where a.login = :login", Account.class)
        .setParameter("login", login)
        .getSingleResult();
  }
}
