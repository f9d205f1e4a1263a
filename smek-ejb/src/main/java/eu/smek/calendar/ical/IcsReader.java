package eu.smek.calendar.ical;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarParserImpl;
import net.fortuna.ical4j.data.ContentHandlerContext;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.Duration;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * Reads .ics files from other programs (Outlook, Google Calendar, Thunderbird, SMEK itself) into
 * {@link IcsEvent}s for an import preview. It is tolerant where those programs differ from the
 * standard (Windows zone names, X-WR-TIMEZONE, floating times, folding) and strict where a file
 * could harm the server: size, number of components and recurrence rules are limited, and a file
 * that is binary, not UTF-8 or not iCalendar is refused whole.
 */
public final class IcsReader {

  static {
    Ical4j.configure();
  }

  /** Properties that change what an event means but that SMEK does not keep: reported. */
  private static final Set<String> LEFT_OUT_REPORTED = Set.of("RDATE", "EXRULE", "ATTACH");

  private static final Set<Frequency> TOO_FREQUENT = Set.of(Frequency.SECONDLY, Frequency.MINUTELY);

  private static final Pattern BEGIN =
      Pattern.compile("^BEGIN:", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

  private static final int MAXIMUM_RULE_LENGTH = 500;

  private final IcsLimits limits;

  public IcsReader() {
    this(IcsLimits.DEFAULT);
  }

  public IcsReader(IcsLimits limits) {
    this.limits = limits;
  }

  /**
   * Reads a file's events.
   *
   * @param content the file as uploaded or downloaded
   * @param defaultZone the zone of times without one, when the file names none (X-WR-TIMEZONE):
   *     usually the importing user's
   * @throws IcsRejectedException when the file is too large, too complex, or not iCalendar
   */
  public IcsImport read(byte[] content, ZoneId defaultZone) {
    String text = text(content);
    if (BEGIN.matcher(text).results().count() > limits.maximumComponents() + 1L) {
      throw IcsRejectedException.tooManyComponents(limits.maximumComponents());
    }
    IcsZones.LocalRegistry zones = new IcsZones.LocalRegistry();
    Calendar calendar = parse(text, zones);
    long components =
        calendar.getComponents().stream().mapToLong(c -> 1L + subcomponents(c).size()).sum();
    if (components > limits.maximumComponents()) {
      throw IcsRejectedException.tooManyComponents(limits.maximumComponents());
    }
    ZoneId calendarZone =
        calendar
            .<Property>getProperty("X-WR-TIMEZONE")
            .flatMap(property -> IcsZones.resolve(property.getValue()))
            .orElse(defaultZone);
    Conversion conversion = new Conversion(zones, calendarZone);
    for (CalendarComponent component : calendar.getComponents()) {
      if (component instanceof VEvent vevent) {
        conversion.eventOrNotice(vevent);
      } else if (!(component instanceof VTimeZone)) {
        conversion.notices.add(
            IcsNotice.of("calendar.ical.skipped.component", component.getName()));
      }
    }
    IcsMethod method =
        calendar
            .<Property>getProperty("METHOD")
            .map(property -> enumOf(IcsMethod.class, property.getValue()))
            .orElse(null);
    return new IcsImport(method, conversion.events, new ArrayList<>(conversion.notices));
  }

  /** The file as text: within the size limit, UTF-8, no NUL bytes, beginning as iCalendar does. */
  private String text(byte[] content) {
    if (content.length > limits.maximumBytes()) {
      throw IcsRejectedException.tooLarge(limits.maximumBytes());
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content))
              .toString();
    } catch (CharacterCodingException notUtf8) {
      throw IcsRejectedException.notICalendar();
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.indexOf('\0') >= 0
        || !text.stripLeading().regionMatches(true, 0, "BEGIN:VCALENDAR", 0, 15)) {
      throw IcsRejectedException.notICalendar();
    }
    return text;
  }

  private static Calendar parse(String text, IcsZones.LocalRegistry zones) {
    CalendarBuilder builder =
        new CalendarBuilder(new CalendarParserImpl(), new ContentHandlerContext(), zones);
    try {
      return builder.build(new StringReader(text));
    } catch (ParserException e) {
      throw IcsRejectedException.malformed(e.getLineNo());
    } catch (DateTimeException | IllegalArgumentException e) {
      // ical4j lets some bad values through as unchecked exceptions, without a line.
      throw IcsRejectedException.malformed(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Component> subcomponents(CalendarComponent component) {
    if (component instanceof VEvent vevent) {
      return vevent.getComponentList().getAll();
    }
    if (component instanceof VTimeZone zone) {
      return List.copyOf(zone.getObservances());
    }
    return List.of();
  }

  /** The state of one read: the events so far and the notices. */
  private final class Conversion {
    private final IcsZones.LocalRegistry zones;
    private final ZoneId calendarZone;
    private final List<IcsEvent> events = new ArrayList<>();
    private final Set<IcsNotice> notices = new LinkedHashSet<>();

    Conversion(IcsZones.LocalRegistry zones, ZoneId calendarZone) {
      this.zones = zones;
      this.calendarZone = calendarZone;
    }

    /** Converts an event; one with a value ical4j cannot read is skipped and named. */
    void eventOrNotice(VEvent vevent) {
      try {
        event(vevent);
      } catch (DateTimeException | IllegalArgumentException invalid) {
        String named = Optional.ofNullable(value(vevent, "SUMMARY")).orElse(value(vevent, "UID"));
        notices.add(
            IcsNotice.of(
                "calendar.ical.skipped.invalid", named == null ? "" : IcsAddresses.oneLine(named)));
      }
    }

    private void event(VEvent vevent) {
      String summary = value(vevent, "SUMMARY");
      String named = summary != null ? summary : value(vevent, "UID");
      String title = named == null ? "" : IcsAddresses.oneLine(named);
      Optional<DateProperty<Temporal>> dtstart = vevent.getProperty("DTSTART");
      if (dtstart.isEmpty()) {
        notices.add(IcsNotice.of("calendar.ical.skipped.noStart", title));
        return;
      }
      Optional<String> unknownZone =
          Stream.of("DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE")
              .flatMap(name -> vevent.getProperties(name).stream())
              .map(property -> ((Property) property).<Parameter>getParameter("TZID"))
              .flatMap(Optional::stream)
              .map(Parameter::getValue)
              .filter(zones::isUnknown)
              .findFirst();
      if (unknownZone.isPresent()) {
        notices.add(IcsNotice.of("calendar.ical.skipped.unknownZone", title, unknownZone.get()));
        return;
      }
      noteMappedZones(vevent);
      Temporal dtstartValue = time(dtstart.get(), title, null);
      Temporal dtendValue = end(vevent, dtstartValue, title);
      // Outlook sometimes writes an all-day event as midnight to midnight in its zone.
      boolean allDay = outlookAllDay(vevent, dtstartValue, dtendValue);
      Temporal start = allDay ? ((ZonedDateTime) dtstartValue).toLocalDate() : dtstartValue;
      Temporal end = allDay ? ((ZonedDateTime) dtendValue).toLocalDate() : dtendValue;
      if (end == null) {
        notices.add(IcsNotice.of("calendar.ical.skipped.endBeforeStart", title));
        return;
      }
      String rrule = rrule(vevent, title);
      List<Temporal> exdates = exdates(vevent, start, title);
      Temporal recurrenceId =
          vevent
              .<DateProperty<Temporal>>getProperty("RECURRENCE-ID")
              .map(property -> time(property, title, start))
              .orElse(null);
      reportLeftOut(vevent, title);
      events.add(
          IcsEvent.builder(uid(vevent, summary, start), start, end)
              .sequence(sequence(vevent))
              .stamp(stamp(vevent))
              .summary(summary)
              .description(value(vevent, "DESCRIPTION"))
              .location(value(vevent, "LOCATION"))
              .url(url(vevent, title))
              .categories(categories(vevent))
              .status(status(vevent))
              .rrule(rrule)
              .exdates(exdates)
              .recurrenceId(recurrenceId)
              .organizer(organizer(vevent, title))
              .attendees(attendees(vevent, title))
              .build());
    }

    /**
     * A DATE or DATE-TIME as SMEK keeps it: days stay days; a time with a TZID is the wall-clock
     * time in the IANA zone it names; UTC and floating times are taken in the calendar's zone.
     *
     * @param like when given, the result is made of its kind (an EXDATE as a day for an all-day
     *     event)
     */
    private Temporal time(DateProperty<Temporal> property, String title, Temporal like) {
      Temporal value = property.getDate();
      Temporal result;
      if (value instanceof LocalDate date) {
        result = date;
      } else if (value instanceof ZonedDateTime zoned) {
        boolean named = property.getParameter("TZID").isPresent();
        result = named ? zoned : zoned.withZoneSameInstant(calendarZone);
      } else if (value instanceof OffsetDateTime offset) {
        result = offset.atZoneSameInstant(calendarZone);
      } else if (value instanceof Instant instant) {
        result = instant.atZone(calendarZone);
      } else if (value instanceof LocalDateTime floating) {
        notices.add(IcsNotice.of("calendar.ical.floating", title, calendarZone.getId()));
        result = floating.atZone(calendarZone);
      } else {
        throw new DateTimeException("Unexpected time " + value);
      }
      return like == null ? result : sameKind(result, like);
    }

    private Temporal sameKind(Temporal value, Temporal like) {
      if (like instanceof LocalDate && value instanceof ZonedDateTime zoned) {
        return zoned.toLocalDate();
      }
      if (like instanceof ZonedDateTime zonedLike && value instanceof LocalDate date) {
        return date.atTime(zonedLike.toLocalTime()).atZone(zonedLike.getZone());
      }
      return value;
    }

    private boolean outlookAllDay(VEvent vevent, Temporal start, Temporal end) {
      return "TRUE".equalsIgnoreCase(value(vevent, "X-MICROSOFT-CDO-ALLDAYEVENT"))
          && start instanceof ZonedDateTime from
          && end instanceof ZonedDateTime to
          && from.toLocalTime().equals(LocalTime.MIDNIGHT)
          && to.toLocalTime().equals(LocalTime.MIDNIGHT)
          && to.toLocalDate().isAfter(from.toLocalDate())
          && vevent.getProperty("RRULE").isEmpty();
    }

    /** DTEND, or DTSTART plus DURATION, or the start's day (all-day) or the start itself. */
    private Temporal end(VEvent vevent, Temporal start, String title) {
      Optional<DateProperty<Temporal>> dtend = vevent.getProperty("DTEND");
      Temporal end;
      if (dtend.isPresent()) {
        end = time(dtend.get(), title, start);
      } else {
        Optional<Duration> duration = vevent.getProperty("DURATION");
        TemporalAmount amount =
            duration
                .map(Duration::getDuration)
                .orElse(
                    start instanceof LocalDate
                        ? java.time.Period.ofDays(1)
                        : java.time.Duration.ZERO);
        end = start.plus(amount);
      }
      if (start instanceof LocalDate day && end instanceof LocalDate last && !last.isAfter(day)) {
        // Some programs write an all-day event's DTEND as its own day.
        return last.isEqual(day) ? day.plusDays(1) : null;
      }
      if (start instanceof ZonedDateTime from
          && end instanceof ZonedDateTime to
          && to.toInstant().isBefore(from.toInstant())) {
        return null;
      }
      return end;
    }

    private String rrule(VEvent vevent, String title) {
      Optional<RRule<Temporal>> property = vevent.getProperty("RRULE");
      if (property.isEmpty()) {
        return null;
      }
      String value = property.get().getValue();
      Recur<Temporal> recur = property.get().getRecur();
      int values =
          Stream.of(
                  recur.getDayList(),
                  recur.getHourList(),
                  recur.getMinuteList(),
                  recur.getSecondList(),
                  recur.getMonthDayList(),
                  recur.getMonthList(),
                  recur.getYearDayList(),
                  recur.getWeekNoList(),
                  recur.getSetPosList())
              .mapToInt(List::size)
              .sum();
      if (value.length() > MAXIMUM_RULE_LENGTH
          || values > limits.maximumRuleValues()
          || recur.getCount() > limits.maximumOccurrences()
          || TOO_FREQUENT.contains(recur.getFrequency())
          || vevent.getProperties("RRULE").size() > 1) {
        throw IcsRejectedException.ruleTooComplex(title);
      }
      return value;
    }

    private List<Temporal> exdates(VEvent vevent, Temporal start, String title) {
      List<Temporal> exdates = new ArrayList<>();
      for (Property property : vevent.getProperties("EXDATE")) {
        @SuppressWarnings("unchecked")
        DateListProperty<Temporal> list = (DateListProperty<Temporal>) property;
        for (Temporal date : list.getDates()) {
          exdates.add(exdate(list, date, start));
          if (exdates.size() > limits.maximumOccurrences()) {
            throw IcsRejectedException.ruleTooComplex(title);
          }
        }
      }
      return exdates;
    }

    private Temporal exdate(DateListProperty<Temporal> list, Temporal date, Temporal start) {
      Temporal value;
      if (date instanceof ZonedDateTime zoned && list.getParameter("TZID").isEmpty()) {
        value = zoned.withZoneSameInstant(calendarZone);
      } else if (date instanceof LocalDateTime floating) {
        value = floating.atZone(start instanceof ZonedDateTime z ? z.getZone() : calendarZone);
      } else if (date instanceof Instant instant) {
        value = instant.atZone(calendarZone);
      } else if (date instanceof OffsetDateTime offset) {
        value = offset.atZoneSameInstant(calendarZone);
      } else {
        value = date;
      }
      return sameKind(value, start);
    }

    private void noteMappedZones(VEvent vevent) {
      vevent.getProperties("DTSTART", "DTEND").stream()
          .map(property -> ((Property) property).<Parameter>getParameter("TZID"))
          .flatMap(Optional::stream)
          .map(Parameter::getValue)
          .filter(tzid -> !IcsZones.isIana(tzid))
          .forEach(
              tzid ->
                  notices.add(
                      IcsNotice.of(
                          "calendar.ical.zoneMapped", tzid, zones.getZoneId(tzid).getId())));
    }

    private void reportLeftOut(VEvent vevent, String title) {
      for (Property property : vevent.getProperties()) {
        if (LEFT_OUT_REPORTED.contains(property.getName().toUpperCase(Locale.ROOT))) {
          notices.add(IcsNotice.of("calendar.ical.leftOut", title, property.getName()));
        }
      }
      for (Component alarm : vevent.getComponentList().getAll()) {
        notices.add(IcsNotice.of("calendar.ical.leftOut", title, alarm.getName()));
      }
    }

    private URI url(VEvent vevent, String title) {
      String value = value(vevent, "URL");
      if (value == null) {
        return null;
      }
      try {
        URI url = new URI(value.strip());
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") || scheme.equals("http")) {
          return url;
        }
      } catch (URISyntaxException notAUri) {
        // Reported below like any other link SMEK does not keep.
      }
      notices.add(IcsNotice.of("calendar.ical.leftOut", title, "URL"));
      return null;
    }

    private IcsPerson organizer(VEvent vevent, String title) {
      Optional<Property> organizer = vevent.getProperty("ORGANIZER");
      if (organizer.isEmpty()) {
        return null;
      }
      String email = IcsAddresses.fromMailto(organizer.get().getValue());
      if (email == null) {
        notices.add(
            IcsNotice.of(
                "calendar.ical.badAddress",
                title,
                IcsAddresses.oneLine(organizer.get().getValue())));
        return null;
      }
      return new IcsPerson(parameter(organizer.get(), "CN"), email);
    }

    private List<IcsAttendee> attendees(VEvent vevent, String title) {
      List<IcsAttendee> attendees = new ArrayList<>();
      for (Property attendee : vevent.getProperties("ATTENDEE")) {
        String email = IcsAddresses.fromMailto(attendee.getValue());
        if (email == null) {
          notices.add(
              IcsNotice.of(
                  "calendar.ical.badAddress", title, IcsAddresses.oneLine(attendee.getValue())));
          continue;
        }
        attendees.add(
            new IcsAttendee(
                parameter(attendee, "CN"),
                email,
                enumOf(IcsRole.class, parameter(attendee, "ROLE")),
                enumOf(IcsPartStat.class, parameter(attendee, "PARTSTAT")),
                "TRUE".equalsIgnoreCase(parameter(attendee, "RSVP"))));
      }
      return attendees;
    }

    private List<String> categories(VEvent vevent) {
      List<String> categories = new ArrayList<>();
      for (Property property : vevent.getProperties("CATEGORIES")) {
        ((Categories) property)
            .getCategories().getTexts().stream()
                .map(IcsAddresses::oneLine)
                .filter(text -> !text.isEmpty() && !categories.contains(text))
                .forEach(categories::add);
      }
      return categories;
    }

    private IcsStatus status(VEvent vevent) {
      return enumOf(IcsStatus.class, value(vevent, "STATUS"));
    }

    private int sequence(VEvent vevent) {
      String value = value(vevent, "SEQUENCE");
      try {
        return value == null ? 0 : Math.max(0, Integer.parseInt(value.strip()));
      } catch (NumberFormatException notANumber) {
        return 0;
      }
    }

    private Instant stamp(VEvent vevent) {
      Optional<DateProperty<Temporal>> stamp = vevent.getProperty("DTSTAMP");
      return stamp
          .map(DateProperty::getDate)
          .filter(t -> t.isSupported(ChronoField.INSTANT_SECONDS))
          .map(Instant::from)
          .orElseGet(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * The UID, or for the rare file without one a UID derived from the event's start and title, so
     * importing the same file twice finds the same events.
     */
    private String uid(VEvent vevent, String summary, Temporal start) {
      String uid = value(vevent, "UID");
      if (uid != null && !IcsAddresses.oneLine(uid).isEmpty()) {
        return IcsAddresses.oneLine(uid);
      }
      try {
        byte[] digest =
            MessageDigest.getInstance("SHA-256")
                .digest((start + "\n" + summary).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16) + "@import.smek";
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("Every Java has SHA-256", e);
      }
    }
  }

  private static String value(Component component, String name) {
    return component.<Property>getProperty(name).map(Property::getValue).orElse(null);
  }

  private static String parameter(Property property, String name) {
    return property.<Parameter>getParameter(name).map(Parameter::getValue).orElse(null);
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
    if (value == null) {
      return null;
    }
    String name = value.strip().replace('-', '_').toUpperCase(Locale.ROOT);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(name)) {
        return constant;
      }
    }
    return null;
  }
}
