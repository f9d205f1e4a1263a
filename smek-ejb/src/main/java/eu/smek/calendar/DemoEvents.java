package eu.smek.calendar;

import eu.smek.membership.Organisation;
import eu.smek.membership.WorkingGroup;
import eu.smek.security.Account;
import eu.smek.shared.Language;
import eu.smek.shared.SpaceRef;
import eu.smek.shared.SpaceType;
import eu.smek.shared.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;

/**
 * The events of the demo database, around the day it is made, for the guided tour and the browser
 * tests: the network's general assembly (public, in three languages), the weekly meeting of
 * Przemyśl's cooperation cell, the monthly call of the cross-border tourism group and Humenné's
 * town days. Runs in the transaction of {@code InitialData}, which calls it once.
 */
@ApplicationScoped
public class DemoEvents {

  private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
  private static final ZoneId BRATISLAVA = ZoneId.of("Europe/Bratislava");

  @PersistenceContext private EntityManager em;

  public void create() {
    LocalDate today = LocalDate.now(WARSAW);
    Account admin = account("admin");
    Account coordinator = account("coordinator");
    Account clerk = account("clerk");

    CalendarEvent assembly =
        event(
            calendar(SpaceRef.NETWORK),
            "Walne zgromadzenie sieci",
            "Sprawozdanie roczne, budżet i przyjęcie nowych miast.",
            "Przemyśl, Ratusz, sala sesyjna",
            today.plusDays(21).atTime(10, 0),
            5,
            WARSAW,
            null,
            Visibility.PUBLIC,
            admin);
    assembly.setLanguage(Language.PL);
    assembly
        .getTranslations()
        .put(
            Language.SK,
            new EventText(
                "Valné zhromaždenie siete", "Výročná správa, rozpočet a prijatie nových miest."));
    assembly
        .getTranslations()
        .put(
            Language.EN,
            new EventText(
                "General assembly of the network",
                "Annual report, budget and the accession of new towns."));
    assembly.setCategories(Set.of("zgromadzenie"));

    Organisation przemysl = organisation("PP3");
    event(
        calendar(new SpaceRef(SpaceType.ORGANISATION, przemysl.getId())),
        "Posiedzenie komórki współpracy",
        "Stały punkt tygodnia: sprawy bieżące, telesesje, dokumenty do zatwierdzenia.",
        "Urząd Miejski w Przemyślu, pokój 12",
        today.with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY)).minusWeeks(2).atTime(10, 0),
        1,
        WARSAW,
        "FREQ=WEEKLY;BYDAY=TU",
        Visibility.PRIVATE,
        coordinator);

    WorkingGroup tourism =
        em.createQuery(
                "select g from WorkingGroup g where g.topic = eu.smek.membership.Topic.TOURISM",
                WorkingGroup.class)
            .setMaxResults(1)
            .getSingleResult();
    LocalDate firstThursday =
        today.withDayOfMonth(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.THURSDAY));
    event(
        calendar(new SpaceRef(SpaceType.WORKING_GROUP, tourism.getId())),
        "Turystyka transgraniczna: telekonferencja",
        "Szlaki rowerowe i wspólny pakiet na sezon letni.",
        null,
        firstThursday.atTime(13, 0),
        1,
        WARSAW,
        "FREQ=MONTHLY;BYDAY=1TH;COUNT=12",
        Visibility.NETWORK,
        coordinator);

    Organisation humenne = organisation("LP");
    CalendarEvent townDays =
        event(
            calendar(new SpaceRef(SpaceType.ORGANISATION, humenne.getId())),
            "Humenské dni",
            "Kultúrny program, jarmok a stretnutie partnerských miest.",
            "Humenné, Námestie slobody",
            today.plusDays(35).atStartOfDay(),
            0,
            BRATISLAVA,
            null,
            Visibility.PUBLIC,
            clerk);
    townDays.setTimes(
        true, townDays.getStart(), townDays.getStart().plusDays(3), "Europe/Bratislava");
    CalendarService.updateRange(townDays);
  }

  /**
   * An event of an organisation's calendar, visible to the network, for other features' demo data
   * (a telesession is scheduled as one).
   */
  public CalendarEvent organisationEvent(
      Organisation organisation,
      String title,
      String description,
      LocalDateTime start,
      int hours,
      Account organiser) {
    return event(
        calendar(new SpaceRef(SpaceType.ORGANISATION, organisation.getId())),
        title,
        description,
        null,
        start,
        hours,
        WARSAW,
        null,
        Visibility.NETWORK,
        organiser);
  }

  private CalendarEvent event(
      EventCalendar calendar,
      String title,
      String description,
      String location,
      LocalDateTime start,
      int hours,
      ZoneId zone,
      String rule,
      Visibility visibility,
      Account organiser) {
    CalendarEvent event = new CalendarEvent(calendar, title);
    event.setDescription(description);
    event.setLocation(location);
    event.setTimes(false, start, start.plusHours(Math.max(hours, 1)), zone.getId());
    event.setRrule(Recurrences.normalise(rule, false, zone));
    event.setVisibility(visibility);
    event.setOrganiser(organiser.getId(), organiser.getDisplayName());
    event.setCreatedBy(organiser.getLogin());
    CalendarService.updateRange(event);
    em.persist(event);
    return event;
  }

  /** A space's calendar, made as CalendarService would make it on first use. */
  private EventCalendar calendar(SpaceRef space) {
    return em.createQuery(
            "select c from EventCalendar c where c.space = :space", EventCalendar.class)
        .setParameter("space", space)
        .getResultStream()
        .findFirst()
        .orElseGet(
            () -> {
              EventCalendar calendar = new EventCalendar(space);
              em.persist(calendar);
              return calendar;
            });
  }

  private Account account(String login) {
    return em.createQuery("select a from Account a where a.login = :login", Account.class)
        .setParameter("login", login)
        .getSingleResult();
  }

  private Organisation organisation(String code) {
    return em.createQuery("select o from Organisation o where o.code = :code", Organisation.class)
        .setParameter("code", code)
        .getSingleResult();
  }
}
