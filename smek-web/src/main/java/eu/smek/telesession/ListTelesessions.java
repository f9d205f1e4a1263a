package eu.smek.telesession;

import eu.smek.calendar.CalendarEvent;
import eu.smek.faces.ActiveLocale;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The telesessions the user sees, upcoming ones first (soonest first) and past ones after (latest
 * first), with their status, organiser and time in the user's zone.
 */
@Named
@ViewScoped
public class ListTelesessions implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  @Inject private TelesessionService telesessions;
  @Inject private ActiveLocale activeLocale;

  /** One session as the list shows it. */
  public record Row(
      long id, String title, TelesessionStatus status, String organiser, String when, Instant end)
      implements Serializable {}

  private List<Row> upcoming = List.of();
  private List<Row> past = List.of();

  public void load() {
    List<Telesession> sessions = telesessions.list();
    Map<Long, String> organisers =
        telesessions.organisationNames(
            sessions.stream().map(Telesession::getOrganisationId).distinct().toList());
    Instant now = Instant.now();
    List<Row> rows = new ArrayList<>();
    for (Telesession session : sessions) {
      CalendarEvent event = telesessions.eventOf(session.getId());
      ZonedDateTime start = event.getStart().atZone(event.zone());
      ZonedDateTime end = event.getEnd().atZone(event.zone());
      rows.add(
          new Row(
              session.getId(),
              session.getTitle(),
              session.getStatus(),
              organisers.get(session.getOrganisationId()),
              interval(start, end),
              end.toInstant()));
    }
    upcoming =
        rows.stream()
            .filter(r -> r.end().isAfter(now))
            .sorted(Comparator.comparing(Row::end))
            .toList();
    past =
        rows.stream()
            .filter(r -> !r.end().isAfter(now))
            .sorted(Comparator.comparing(Row::end).reversed())
            .toList();
  }

  private String interval(ZonedDateTime start, ZonedDateTime end) {
    ZonedDateTime from = start.withZoneSameInstant(activeLocale.getTimeZone());
    ZonedDateTime to = end.withZoneSameInstant(activeLocale.getTimeZone());
    DateTimeFormatter full =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(activeLocale.getLocale());
    DateTimeFormatter time =
        DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(activeLocale.getLocale());
    return full.format(from)
        + " – "
        + (from.toLocalDate().equals(to.toLocalDate()) ? time.format(to) : full.format(to));
  }

  public String getZone() {
    return activeLocale.getTimeZone().getId();
  }

  public List<Row> getUpcoming() {
    return upcoming;
  }

  public List<Row> getPast() {
    return past;
  }
}
