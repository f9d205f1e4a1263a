package eu.smek.calendar;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * Turns events and series into the occurrences of a date range, with ical4j's {@link Recur}. Pure
 * logic without a container, so plain unit tests cover it.
 *
 * <p>A series recurs in its own zone's wall-clock time: the rule is expanded over local date-times
 * of the event's zone, and only then is each one placed in that zone, so a 10:00 meeting in Warsaw
 * stays at 10:00 across DST changes. A local time that a DST change skips (02:30 on the last Sunday
 * of March) moves forward by the gap, as RFC 5545 says; one that happens twice is the earlier.
 * All-day events are dates, shown on the same dates in every zone.
 *
 * <p>Rules are limited to what a calendar of meetings needs and cannot be used to make a request
 * expensive: daily at most, no times of day in the rule, a bounded COUNT and interval, and a
 * bounded number of occurrences per request ({@link TooManyOccurrencesException}).
 */
public final class Recurrences {

  /** At most this many occurrences in one request, over all its events. */
  public static final int MAXIMUM_OCCURRENCES = 5000;

  /** A COUNT above this is refused: ten years of a daily meeting. */
  public static final int MAXIMUM_COUNT = 3660;

  /** An INTERVAL above this is refused. */
  public static final int MAXIMUM_INTERVAL = 1000;

  /**
   * How many starts of series the cache of {@link #finiteStarts} holds at most, over all series:
   * about 16 MiB (a LocalDateTime with its date and time is some 80 bytes).
   */
  private static final long CACHED_STARTS = 200_000;

  /**
   * Every start of each series whose rule ends, by what decides them: ical4j takes a good part of a
   * millisecond to walk a rule, and a month of the network's calendar expands hundreds of series,
   * the same ones for each reader. The starts follow from the key alone, so an entry is never stale
   * and no node of a cluster needs another's; a changed series has another key.
   */
  private static final Cache<Rule, Optional<List<LocalDateTime>>> FINITE_STARTS =
      Caffeine.newBuilder()
          .maximumWeight(CACHED_STARTS)
          .weigher(
              (Rule rule, Optional<List<LocalDateTime>> starts) ->
                  1 + starts.map(List::size).orElse(0))
          .build();

  private record Rule(String rrule, LocalDateTime start, boolean allDay, ZoneId zone) {}

  private static final Set<Frequency> FREQUENCIES =
      Set.of(Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY, Frequency.YEARLY);

  /**
   * The parts RFC 5545 defines. Checked here rather than left to ical4j: its parsing hints are
   * JVM-wide, and the import of other programs' files relaxes them (eu.smek.calendar.ical.Ical4j),
   * which would let unknown parts through.
   */
  private static final Set<String> PART_NAMES =
      Set.of(
          "FREQ",
          "UNTIL",
          "COUNT",
          "INTERVAL",
          "BYSECOND",
          "BYMINUTE",
          "BYHOUR",
          "BYDAY",
          "BYMONTHDAY",
          "BYYEARDAY",
          "BYWEEKNO",
          "BYMONTH",
          "BYSETPOS",
          "WKST");

  private static final Pattern PART = Pattern.compile("([A-Z]+)=[A-Z0-9,+\\-]+");

  private static final DateTimeFormatter UTC_FORM =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT);
  private static final DateTimeFormatter DATE_FORM =
      DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT);

  private Recurrences() {}

  /**
   * Checks a rule as a user or a client wrote it and returns it in the form stored: upper case,
   * without an {@code RRULE:} prefix, with UNTIL in UTC for timed events (as RFC 5545 requires with
   * a zoned start) and as a date for all-day ones. A date UNTIL on a timed event includes that day;
   * a floating one is read in the event's zone.
   *
   * @return the rule, or {@code null} for a blank one (no recurrence)
   */
  public static String normalise(String rule, boolean allDay, ZoneId zone) {
    if (rule == null || rule.isBlank()) {
      return null;
    }
    String text = rule.strip().toUpperCase(Locale.ROOT);
    if (text.startsWith("RRULE:")) {
      text = text.substring("RRULE:".length());
    }
    if (text.length() > CalendarEvent.RRULE_LENGTH || !wellFormed(text)) {
      throw new InvalidRecurrenceException("RRULE");
    }
    Recur<Temporal> recur = parse(text);
    if (!FREQUENCIES.contains(recur.getFrequency())) {
      throw new InvalidRecurrenceException("FREQ");
    }
    if (!recur.getHourList().isEmpty()
        || !recur.getMinuteList().isEmpty()
        || !recur.getSecondList().isEmpty()) {
      throw new InvalidRecurrenceException("BYHOUR/BYMINUTE/BYSECOND");
    }
    // ical4j reads an absent INTERVAL or COUNT as -1: a written one must be positive.
    if (outOfBounds(text, "INTERVAL=", recur.getInterval(), MAXIMUM_INTERVAL)) {
      throw new InvalidRecurrenceException("INTERVAL");
    }
    if (outOfBounds(text, "COUNT=", recur.getCount(), MAXIMUM_COUNT)) {
      throw new InvalidRecurrenceException("COUNT");
    }
    Temporal until = recur.getUntil();
    if (until != null && recur.getCount() > 0) {
      throw new InvalidRecurrenceException("UNTIL/COUNT");
    }
    if (until == null) {
      return text;
    }
    String written =
        allDay
            ? DATE_FORM.format(untilDate(until, zone))
            : UTC_FORM.format(
                untilLocal(until, zone).atZone(zone).withZoneSameInstant(ZoneOffset.UTC));
    List<String> parts = new ArrayList<>();
    for (String part : text.split(";")) {
      parts.add(part.startsWith("UNTIL=") ? "UNTIL=" + written : part);
    }
    return String.join(";", parts);
  }

  /** Known parts only, each once. */
  private static boolean wellFormed(String text) {
    Set<String> seen = new HashSet<>();
    for (String part : text.split(";", -1)) {
      Matcher matcher = PART.matcher(part);
      if (!matcher.matches()
          || !PART_NAMES.contains(matcher.group(1))
          || !seen.add(matcher.group(1))) {
        return false;
      }
    }
    return true;
  }

  private static boolean outOfBounds(String text, String part, int value, int maximum) {
    boolean written = text.startsWith(part) || text.contains(";" + part);
    return written && (value < 1 || value > maximum);
  }

  /**
   * The rule ending just before the given occurrence (for a split series): UNTIL one second
   * earlier, without COUNT.
   */
  public static String endingBefore(
      String rule, LocalDateTime occurrence, boolean allDay, ZoneId zone) {
    String until =
        allDay
            ? DATE_FORM.format(occurrence.toLocalDate().minusDays(1))
            : UTC_FORM.format(
                occurrence.minusSeconds(1).atZone(zone).withZoneSameInstant(ZoneOffset.UTC));
    List<String> parts = new ArrayList<>();
    for (String part : rule.split(";")) {
      if (!part.startsWith("UNTIL=") && !part.startsWith("COUNT=")) {
        parts.add(part);
      }
    }
    parts.add("UNTIL=" + until);
    return String.join(";", parts);
  }

  /** The rule with COUNT set, or replaced, for the part of a split series that follows. */
  public static String withCount(String rule, int count) {
    List<String> parts = new ArrayList<>();
    for (String part : rule.split(";")) {
      if (!part.startsWith("COUNT=")) {
        parts.add(part);
      }
    }
    parts.add("COUNT=" + count);
    return String.join(";", parts);
  }

  /** The COUNT of a stored rule, if it has one. */
  public static int countOf(String rule) {
    return Math.max(parse(rule).getCount(), 0);
  }

  /**
   * The occurrences of the given events and series that overlap the range, in start order;
   * overridden occurrences (events with a master) replace the occurrence they override, also when
   * they moved out of the range.
   *
   * @param events single events, series and overridden occurrences, in any order
   * @param from the range's first instant
   * @param to the instant after the range
   * @param viewer the reader's zone, which decides the dates an all-day event shows on in the range
   */
  public static List<Occurrence> expand(
      Collection<CalendarEvent> events, Instant from, Instant to, ZoneId viewer) {
    LocalDate firstDay = from.atZone(viewer).toLocalDate();
    LocalDate dayAfter = to.atZone(viewer).toLocalDate();
    if (!to.atZone(viewer).toLocalTime().equals(LocalTime.MIDNIGHT)) {
      dayAfter = dayAfter.plusDays(1);
    }
    Map<Object, Set<LocalDateTime>> overridden = new HashMap<>();
    for (CalendarEvent event : events) {
      if (event.isOverride()) {
        overridden
            .computeIfAbsent(key(event.getMaster()), k -> new HashSet<>())
            .add(event.getRecurrenceId());
      }
    }
    List<Occurrence> found = new ArrayList<>();
    for (CalendarEvent event : events) {
      if (event.isRecurring()) {
        Set<LocalDateTime> skip = new HashSet<>(event.getExcludedStarts());
        skip.addAll(overridden.getOrDefault(key(event), Set.of()));
        for (LocalDateTime start : starts(event, from, to, firstDay, dayAfter)) {
          if (!skip.contains(start)) {
            add(found, occurrence(event, start, start), from, to, firstDay, dayAfter);
          }
        }
      } else {
        add(
            found,
            occurrence(event, event.getRecurrenceId(), event.getStart()),
            from,
            to,
            firstDay,
            dayAfter);
      }
    }
    found.sort(
        Comparator.comparing((Occurrence o) -> o.start().toInstant())
            .thenComparing(o -> o.event().getTitle()));
    return found;
  }

  /**
   * The original starts of a series' occurrences in a window of its own local time, with its start
   * first even if the rule would not produce it (RFC 5545 counts DTSTART as the first occurrence);
   * excluded dates are not taken out.
   */
  public static List<LocalDateTime> startsBetween(
      CalendarEvent series, LocalDateTime first, LocalDateTime last) {
    List<LocalDateTime> starts = new ArrayList<>();
    LocalDateTime seed = series.getStart();
    if (!seed.isBefore(first) && !seed.isAfter(last)) {
      starts.add(seed);
    }
    for (LocalDateTime start : ruleDates(series, first, last)) {
      if (!start.equals(seed)) {
        starts.add(start);
      }
    }
    return starts;
  }

  /**
   * A bound for the start of a series' last occurrence, if its rule ends: UNTIL itself (no
   * occurrence starts after it), or the start of the COUNTth occurrence. Excluded dates are not
   * taken out, so the bound may be a little wide, never too narrow.
   */
  public static Optional<LocalDateTime> lastStart(CalendarEvent series) {
    Recur<Temporal> recur = parse(series.getRrule());
    ZoneId zone = series.zone();
    if (recur.getUntil() != null) {
      return Optional.of(
          series.isAllDay()
              ? untilDate(recur.getUntil(), zone).atStartOfDay()
              : untilLocal(recur.getUntil(), zone));
    }
    // A COUNT is at most MAXIMUM_COUNT, below MAXIMUM_OCCURRENCES: its starts are all cached.
    return finiteStarts(series).map(starts -> starts.get(starts.size() - 1));
  }

  /**
   * The starts of a series in a window of its own local time, as {@link #startsBetween}; taken from
   * the series' cached starts when its rule ends.
   */
  static List<LocalDateTime> startsIn(
      CalendarEvent series, LocalDateTime first, LocalDateTime last) {
    Optional<List<LocalDateTime>> all = finiteStarts(series);
    if (all.isEmpty()) {
      return startsBetween(series, first, last);
    }
    List<LocalDateTime> starts = all.get();
    int from = Collections.binarySearch(starts, first);
    from = from < 0 ? -from - 1 : from;
    int to = from;
    while (to < starts.size() && !starts.get(to).isAfter(last)) {
      to++;
    }
    return starts.subList(from, to);
  }

  /**
   * All starts of a series whose rule ends (COUNT or UNTIL) and has at most {@link
   * #MAXIMUM_OCCURRENCES} of them, in order; empty for the others, which are expanded a window at a
   * time.
   */
  private static Optional<List<LocalDateTime>> finiteStarts(CalendarEvent series) {
    return FINITE_STARTS.get(
        new Rule(series.getRrule(), series.getStart(), series.isAllDay(), series.zone()),
        rule -> allStarts(series));
  }

  private static Optional<List<LocalDateTime>> allStarts(CalendarEvent series) {
    Recur<Temporal> recur = parse(series.getRrule());
    LocalDateTime last;
    if (recur.getUntil() != null) {
      last =
          series.isAllDay()
              ? untilDate(recur.getUntil(), series.zone()).atStartOfDay()
              : untilLocal(recur.getUntil(), series.zone());
    } else if (recur.getCount() > 0) {
      // There is at most one occurrence a day.
      last = series.getStart().plusYears(MAXIMUM_COUNT * (long) Math.max(1, recur.getInterval()));
    } else {
      return Optional.empty();
    }
    List<LocalDateTime> starts = new ArrayList<>(startsBetween(series, series.getStart(), last));
    if (starts.size() > MAXIMUM_OCCURRENCES) {
      return Optional.empty();
    }
    starts.sort(null);
    return Optional.of(List.copyOf(starts));
  }

  private static List<LocalDateTime> starts(
      CalendarEvent series, Instant from, Instant to, LocalDate firstDay, LocalDate dayAfter) {
    // A day of margin each side: the window is in the series' zone, the range in UTC.
    LocalDateTime first;
    LocalDateTime last;
    if (series.isAllDay()) {
      first = firstDay.atStartOfDay().minus(series.length()).minusDays(1);
      last = dayAfter.atStartOfDay().plusDays(1);
    } else {
      first = from.atZone(series.zone()).toLocalDateTime().minus(series.length()).minusDays(1);
      last = to.atZone(series.zone()).toLocalDateTime().plusDays(1);
    }
    return startsIn(series, first, last);
  }

  private static List<LocalDateTime> ruleDates(
      CalendarEvent series, LocalDateTime first, LocalDateTime last) {
    Recur<Temporal> recur = parse(series.getRrule());
    // DTSTART is the first of the COUNT even when the rule does not produce it (RFC 5545 3.3.10);
    // ical4j counts only what the rule produces, so the rule then gives one date fewer.
    if (recur.getCount() > 0
        && !dates(series, parse(series.getRrule()), series.getStart(), series.getStart())
            .contains(series.getStart())) {
      if (recur.getCount() == 1) {
        return List.of();
      }
      recur.setCount(recur.getCount() - 1);
    }
    return dates(series, recur, first, last);
  }

  /** The rule's dates in the window; takes the rule over (its UNTIL is set to local time). */
  private static List<LocalDateTime> dates(
      CalendarEvent series, Recur<Temporal> recur, LocalDateTime first, LocalDateTime last) {
    ZoneId zone = series.zone();
    Temporal until = recur.getUntil();
    if (series.isAllDay()) {
      if (until != null) {
        recur.setUntil(untilDate(until, zone));
      }
      LocalDate seed = later(series, recur, first).toLocalDate();
      List<LocalDateTime> dates = new ArrayList<>();
      for (Temporal date :
          recur.getDates(seed, first.toLocalDate(), last.toLocalDate(), MAXIMUM_OCCURRENCES + 1)) {
        dates.add(((LocalDate) date).atStartOfDay());
      }
      return dates;
    }
    if (until != null) {
      recur.setUntil(untilLocal(until, zone));
    }
    LocalDateTime seed = later(series, recur, first);
    List<LocalDateTime> dates = new ArrayList<>();
    for (Temporal date : recur.getDates(seed, first, last, MAXIMUM_OCCURRENCES + 1)) {
      dates.add((LocalDateTime) date);
    }
    return dates;
  }

  /**
   * A seed that produces the same occurrences in the window as the series' start, but later, so
   * that a daily series begun years ago is not walked through from its start for each request. Only
   * for rules without COUNT (which counts from the start) whose periods are whole days: moving the
   * seed by whole periods keeps weekdays and intervals aligned. Months and years are not moved (a
   * seed on the 31st would change which days match); they are few anyway.
   */
  private static LocalDateTime later(
      CalendarEvent series, Recur<Temporal> recur, LocalDateTime first) {
    LocalDateTime seed = series.getStart();
    if (recur.getCount() > 0 || !seed.isBefore(first)) {
      return seed;
    }
    int interval = Math.max(1, recur.getInterval());
    long periodDays =
        switch (recur.getFrequency()) {
          case DAILY -> interval;
          case WEEKLY -> 7L * interval;
          default -> 0;
        };
    if (periodDays == 0) {
      return seed;
    }
    // The week of a weekly rule starts on WKST; moving by whole weeks keeps the seed in the same
    // place of its week, and one period of slack keeps the first window's week whole.
    long periods = ChronoUnit.DAYS.between(seed, first) / periodDays - 1;
    return periods > 0 ? seed.plusDays(periods * periodDays) : seed;
  }

  private static Occurrence occurrence(
      CalendarEvent event, LocalDateTime recurrenceId, LocalDateTime start) {
    ZoneId zone = event.zone();
    LocalDateTime end = start.plus(event.length());
    return new Occurrence(event, recurrenceId, start.atZone(zone), end.atZone(zone));
  }

  private static void add(
      List<Occurrence> found,
      Occurrence occurrence,
      Instant from,
      Instant to,
      LocalDate firstDay,
      LocalDate dayAfter) {
    boolean overlaps =
        occurrence.event().isAllDay()
            ? occurrence.start().toLocalDate().isBefore(dayAfter)
                && occurrence.end().toLocalDate().isAfter(firstDay)
            : occurrence.start().toInstant().isBefore(to)
                && (occurrence.end().toInstant().isAfter(from)
                    || (occurrence.end().equals(occurrence.start())
                        && !occurrence.start().toInstant().isBefore(from)));
    if (overlaps) {
      if (found.size() >= MAXIMUM_OCCURRENCES) {
        throw new TooManyOccurrencesException(MAXIMUM_OCCURRENCES);
      }
      found.add(occurrence);
    }
  }

  /** Series and overrides meet by identity before they are stored, by id after. */
  private static Object key(CalendarEvent event) {
    return event.getId() == null ? event : event.getId();
  }

  @SuppressWarnings("unchecked")
  static Recur<Temporal> parse(String text) {
    try {
      return new Recur<>(text);
    } catch (IllegalArgumentException | DateTimeException | IndexOutOfBoundsException invalid) {
      throw new InvalidRecurrenceException("RRULE");
    }
  }

  private static LocalDateTime untilLocal(Temporal until, ZoneId zone) {
    if (until instanceof OffsetDateTime utc) {
      return utc.atZoneSameInstant(zone).toLocalDateTime();
    }
    if (until instanceof ZonedDateTime zoned) {
      return zoned.withZoneSameInstant(zone).toLocalDateTime();
    }
    if (until instanceof Instant instant) {
      return instant.atZone(zone).toLocalDateTime();
    }
    if (until instanceof LocalDate date) {
      return date.atTime(LocalTime.MAX).truncatedTo(ChronoUnit.SECONDS);
    }
    if (until instanceof LocalDateTime local) {
      return local;
    }
    throw new InvalidRecurrenceException("UNTIL");
  }

  private static LocalDate untilDate(Temporal until, ZoneId zone) {
    return until instanceof LocalDate date ? date : untilLocal(until, zone).toLocalDate();
  }
}
