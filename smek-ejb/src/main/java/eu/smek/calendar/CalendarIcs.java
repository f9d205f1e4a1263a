package eu.smek.calendar;

import eu.smek.calendar.ical.IcsAttachment;
import eu.smek.calendar.ical.IcsEvent;
import eu.smek.calendar.ical.IcsPerson;
import eu.smek.documents.Document;
import eu.smek.documents.DocumentVersion;
import eu.smek.infrastructure.Notifier;
import eu.smek.shared.Language;
import eu.smek.shared.Visibility;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Events as iCalendar says them and back: what an export, a feed or an invitation writes, and what
 * an import makes of a file's event. Both ways keep the event's zone, its rule as stored, its
 * excluded dates and overridden occurrences (same UID, RECURRENCE-ID), so an exported calendar
 * imports as the same events.
 */
public final class CalendarIcs {

  private CalendarIcs() {}

  /**
   * An event or overridden occurrence as a VEVENT; the title and description as entered (a file has
   * one language).
   *
   * @param organiser may be null (an imported event whose organiser has no account here)
   * @param url the event's page, may be null
   * @param attachments the attached documents the file's reader may open
   */
  public static IcsEvent toIcs(
      CalendarEvent event,
      IcsPerson organiser,
      URI url,
      List<IcsAttachment> attachments,
      Instant now) {
    ZoneId zone = event.zone();
    IcsEvent.Builder builder =
        IcsEvent.builder(
                event.getUid(),
                temporal(event.getStart(), event.isAllDay(), zone),
                temporal(event.getEnd(), event.isAllDay(), zone))
            .sequence(event.getSequence())
            .stamp(now)
            .summary(event.getTitle())
            .description(event.getDescription())
            .location(event.getLocation())
            .url(url)
            .categories(List.copyOf(new TreeSet<>(event.getCategories())))
            .organizer(organiser)
            .attachments(attachments);
    if (event.isOverride()) {
      builder.recurrenceId(temporal(event.getRecurrenceId(), event.isAllDay(), zone));
    } else if (event.getRrule() != null) {
      builder
          .rrule(event.getRrule())
          .exdates(
              new TreeSet<>(event.getExcludedStarts())
                  .stream().map(start -> temporal(start, event.isAllDay(), zone)).toList());
    }
    return builder.build();
  }

  /**
   * A document attached to an event, as the absolute link to its current file (on the address the
   * invitation e-mails' links start with). The file is served as in the libraries, to whoever may
   * read the document: so only the documents the file's reader may read are attached.
   */
  public static IcsAttachment attachment(Document document) {
    return new IcsAttachment(
        URI.create(Notifier.PUBLIC_URL + "/documents/files/" + document.getId()),
        document.getCurrentVersion().map(DocumentVersion::getContentType).orElse(null));
  }

  /**
   * What an imported event says, as a draft in its own zone; an all-day event, which has no zone in
   * the file, takes the importer's.
   *
   * @param untitled the title of an event without one, in the importer's language
   */
  public static EventDraft draftOf(
      IcsEvent ics, ZoneId importerZone, Visibility visibility, String untitled) {
    ZoneId zone = ics.allDay() ? importerZone : ics.zone();
    Set<String> categories = new LinkedHashSet<>();
    ics.categories().stream()
        .map(
            category ->
                category.length() > CalendarEvent.CATEGORY_LENGTH
                    ? category.substring(0, CalendarEvent.CATEGORY_LENGTH)
                    : category)
        .limit(CalendarEvent.MAXIMUM_CATEGORIES)
        .forEach(categories::add);
    return new EventDraft(
        ics.summary() == null ? untitled : ics.summary(),
        ics.description(),
        (Language) null,
        Map.of(),
        ics.location(),
        ics.allDay(),
        local(ics.start(), zone),
        local(ics.end(), zone),
        zone.getId(),
        ics.rrule(),
        categories,
        visibility);
  }

  /** A time of the file in the event's zone (a date at its midnight). */
  public static LocalDateTime local(Temporal time, ZoneId zone) {
    return time instanceof LocalDate date
        ? date.atStartOfDay()
        : ((ZonedDateTime) time).withZoneSameInstant(zone).toLocalDateTime();
  }

  private static Temporal temporal(LocalDateTime time, boolean allDay, ZoneId zone) {
    return allDay ? time.toLocalDate() : time.atZone(zone);
  }
}
