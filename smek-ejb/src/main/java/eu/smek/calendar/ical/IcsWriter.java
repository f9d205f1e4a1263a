package eu.smek.calendar.ical;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.FmtType;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Attach;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.validate.ITIPValidator;
import net.fortuna.ical4j.validate.ValidationResult;

/**
 * Writes events as one VCALENDAR with ical4j: an export or feed (PUBLISH), an invitation (REQUEST),
 * a cancellation (CANCEL) or an attendee's answer (REPLY). Every zone the events use gets one
 * VTIMEZONE covering their dates. The result is validated against RFC 5545 and the iTIP rules of
 * its method before it is returned; an event that breaks them is a programming error ({@link
 * IllegalArgumentException}), not a user's.
 */
public final class IcsWriter {

  static {
    Ical4j.configure();
  }

  public static final String PRODID = "-//SMEK//SMEK-int Calendar 1.0//EN";

  private IcsWriter() {}

  /** The VCALENDAR text (CRLF line ends, folded, UTF-8 when sent) for these events. */
  public static String write(IcsMethod method, List<IcsEvent> events) {
    return write(method, null, events);
  }

  /**
   * As {@link #write(IcsMethod, List)}, naming the calendar for programs that subscribe to it
   * (X-WR-CALNAME, shown by Outlook, Google and Apple as the calendar's name).
   */
  public static String write(IcsMethod method, String calendarName, List<IcsEvent> events) {
    Calendar calendar = calendar(method, calendarName, events);
    if (!events.isEmpty()) {
      validate(method, calendar);
    }
    // else an empty feed (a town with nothing planned): RFC 5545 wants a component, ical4j says
    // so, but subscribers need an answer and Outlook, Google and Thunderbird read an empty one.
    StringWriter text = new StringWriter();
    try {
      new CalendarOutputter(false).output(calendar, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static void validate(IcsMethod method, Calendar calendar) {
    ValidationResult result = calendar.validate();
    if (method != IcsMethod.PUBLISH) {
      result = result.merge(new ITIPValidator().validate(calendar));
    }
    if (result.hasErrors()) {
      // ical4j's outputter only logs what is invalid; SMEK sends nothing Outlook might refuse.
      throw new IllegalArgumentException("Not a valid " + method + ": " + result);
    }
  }

  /** The ical4j calendar {@link #write} outputs, for checks. */
  static Calendar calendar(IcsMethod method, String calendarName, List<IcsEvent> events) {
    if (events.isEmpty() && method != IcsMethod.PUBLISH) {
      throw new IllegalArgumentException(method + " needs an event");
    }
    for (IcsEvent event : events) {
      if (method == IcsMethod.CANCEL && event.status() != IcsStatus.CANCELLED) {
        throw new IllegalArgumentException(
            "A CANCEL carries STATUS:CANCELLED (IcsEvent.cancelled)");
      }
      if (method == IcsMethod.REPLY && event.attendees().size() != 1) {
        throw new IllegalArgumentException("A REPLY carries the one attendee who answers");
      }
    }
    Calendar calendar = new Calendar();
    calendar.add(new ProdId(PRODID));
    calendar.add(new Version(new ParameterList(), Version.VALUE_2_0));
    calendar.add(new CalScale(CalScale.VALUE_GREGORIAN));
    calendar.add(new Method(method.name()));
    if (calendarName != null && !calendarName.isBlank()) {
      calendar.add(new XProperty("X-WR-CALNAME", IcsAddresses.oneLine(calendarName)));
    }
    zoneRanges(events)
        .forEach(
            (zone, range) -> calendar.add(IcsZones.definition(zone, range.from(), range.to())));
    events.forEach(event -> calendar.add(vevent(method, event)));
    // Date properties find their zone through this registry when written, not through ical4j's
    // JVM-wide one (see IcsZones.LocalRegistry).
    IcsZones.LocalRegistry zones = new IcsZones.LocalRegistry();
    calendar.<VEvent>getComponents(Component.VEVENT).stream()
        .flatMap(vevent -> vevent.getProperties().stream())
        .filter(property -> property.getParameter(Parameter.TZID).isPresent())
        .forEach(
            property -> {
              if (property instanceof DateProperty<?> date) {
                date.setTimeZoneRegistry(zones);
              } else if (property instanceof DateListProperty<?> dates) {
                dates.setTimeZoneRegistry(zones);
              }
            });
    return calendar;
  }

  private static VEvent vevent(IcsMethod method, IcsEvent event) {
    VEvent vevent = new VEvent(false);
    vevent.add(new Uid(event.uid()));
    vevent.add(new DtStamp(event.stamp()));
    vevent.add(new Sequence(event.sequence()));
    vevent.add(new DtStart<>(event.start()));
    vevent.add(new DtEnd<>(event.end()));
    if (event.recurrenceId() != null) {
      vevent.add(new RecurrenceId<>(event.recurrenceId()));
    }
    if (event.rrule() != null) {
      vevent.add(new RRule<>(event.rrule()));
    }
    if (!event.exdates().isEmpty()) {
      vevent.add(exdates(event));
    }
    // RFC 5546 asks for a SUMMARY in every method, if need be an empty one.
    vevent.add(new Summary(event.summary() == null ? "" : event.summary()));
    text(vevent, event.description(), Description::new);
    text(vevent, event.location(), Location::new);
    if (event.url() != null) {
      vevent.add(new Url(event.url()));
    }
    if (!event.categories().isEmpty()) {
      vevent.add(new Categories(new TextList(event.categories())));
    }
    if (event.status() != null) {
      vevent.add(new Status(event.status().name()));
    }
    for (IcsAttachment attachment : event.attachments()) {
      vevent.add(
          new Attach(
              attachment.mediaType() == null
                  ? new ParameterList()
                  : new ParameterList(List.of(new FmtType(attachment.mediaType()))),
              attachment.uri()));
    }
    if (event.organizer() != null) {
      Organizer organizer = new Organizer(mailto(event.organizer().email()));
      if (event.organizer().name() != null) {
        organizer.add(new Cn(event.organizer().name()));
      }
      vevent.add(organizer);
    }
    if (method != IcsMethod.PUBLISH) {
      // RFC 5546 3.2.1: a published event has no attendees; feeds also keep their addresses out.
      for (IcsAttendee attendee : event.attendees()) {
        vevent.add(attendee(attendee));
      }
    }
    return vevent;
  }

  private static Attendee attendee(IcsAttendee attendee) {
    Attendee property = new Attendee(mailto(attendee.email()));
    if (attendee.name() != null) {
      property.add(new Cn(attendee.name()));
    }
    property.add(new Role(hyphenated(attendee.role())));
    property.add(new PartStat(hyphenated(attendee.partStat())));
    if (attendee.rsvp()) {
      property.add(new Rsvp(true));
    }
    return property;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ExDate<?> exdates(IcsEvent event) {
    DateList dates = new DateList(event.exdates());
    ParameterList parameters =
        event.allDay()
            ? new ParameterList(List.of(Value.DATE))
            : new ParameterList(List.of(new TzId(event.zone().getId())));
    return new ExDate<>(parameters, dates);
  }

  private static void text(
      VEvent vevent, String value, java.util.function.Function<String, Property> property) {
    if (value != null && !value.isEmpty()) {
      vevent.add(property.apply(value));
    }
  }

  private static URI mailto(String email) {
    return URI.create("mailto:" + email);
  }

  private static String hyphenated(Enum<?> value) {
    return value.name().replace('_', '-').toUpperCase(Locale.ROOT);
  }

  private record Range(Instant from, Instant to) {
    Range widen(Instant start, Instant end) {
      Instant newFrom = start.isBefore(from) ? start : from;
      Instant newTo = to == null || end == null ? null : end.isAfter(to) ? end : to;
      return new Range(newFrom, newTo);
    }
  }

  /** The zones the events' times use, each with the years it must cover. */
  private static Map<ZoneId, Range> zoneRanges(List<IcsEvent> events) {
    Map<ZoneId, Range> ranges = new LinkedHashMap<>();
    for (IcsEvent event : events) {
      if (event.allDay()) {
        continue;
      }
      List<ZonedDateTime> times = new ArrayList<>();
      Stream.concat(
              Stream.of(event.start(), event.end(), event.recurrenceId()), event.exdates().stream())
          .filter(ZonedDateTime.class::isInstance)
          .map(ZonedDateTime.class::cast)
          .forEach(times::add);
      for (ZonedDateTime time : times) {
        // Whole years, so the definition shows both of the year's changes, as Outlook expects.
        Instant start =
            time.toLocalDate().withDayOfYear(1).atStartOfDay(time.getZone()).toInstant();
        Instant end =
            event.rrule() != null
                ? null // a rule needs the zone's rules for as long as it repeats
                : time.toLocalDate()
                    .withDayOfYear(1)
                    .plusYears(1)
                    .atStartOfDay(time.getZone())
                    .toInstant();
        ranges.merge(time.getZone(), new Range(start, end), (a, b) -> a.widen(b.from(), b.to()));
      }
    }
    return ranges;
  }
}
