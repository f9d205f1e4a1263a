package eu.smek.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repetitions a person picks in a form (every n days, weeks on chosen days, months by date or
 * by weekday, years; until a date or a number of times), as an RFC 5545 rule and back. A rule the
 * form cannot show (one imported from another calendar, say) is kept as it is: {@link #of} is empty
 * for it.
 *
 * @param weekdays the days of a weekly repetition; empty means the start's day
 * @param until the last day on which an occurrence may start, or {@code null}
 * @param count how many occurrences, or {@code null}
 */
public record Repetition(
    Frequency frequency, int interval, Set<DayOfWeek> weekdays, LocalDate until, Integer count) {

  public enum Frequency {
    NONE,
    DAILY,
    WEEKLY,
    MONTHLY_BY_DATE,
    MONTHLY_BY_WEEKDAY,
    YEARLY;

    public String messageKey() {
      return "calendar.repeat." + name();
    }
  }

  public static final Repetition NONE = new Repetition(Frequency.NONE, 1, Set.of(), null, null);

  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
  private static final Pattern PART = Pattern.compile("([A-Z]+)=([A-Z0-9,+\\-]+)");
  private static final Pattern NTH_DAY = Pattern.compile("(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)");
  private static final Pattern UNTIL = Pattern.compile("(\\d{8})(T\\d{6}Z?)?");

  public Repetition {
    frequency = frequency == null ? Frequency.NONE : frequency;
    weekdays = weekdays == null || weekdays.isEmpty() ? Set.of() : EnumSet.copyOf(weekdays);
  }

  /**
   * The rule for a series starting at {@code start}, or {@code null} for no repetition. It is
   * checked, and its UNTIL put in the stored form, by {@link Recurrences#normalise} when saved.
   */
  public String toRrule(LocalDateTime start) {
    if (frequency == Frequency.NONE) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    parts.add(
        "FREQ="
            + switch (frequency) {
              case DAILY -> "DAILY";
              case WEEKLY -> "WEEKLY";
              case MONTHLY_BY_DATE, MONTHLY_BY_WEEKDAY -> "MONTHLY";
              default -> "YEARLY";
            });
    if (interval > 1) {
      parts.add("INTERVAL=" + interval);
    }
    switch (frequency) {
      case WEEKLY -> {
        Set<DayOfWeek> days = weekdays.isEmpty() ? Set.of(start.getDayOfWeek()) : weekdays;
        parts.add(
            "BYDAY="
                + String.join(",", EnumSet.copyOf(days).stream().map(Repetition::code).toList()));
      }
      case MONTHLY_BY_DATE -> parts.add("BYMONTHDAY=" + start.getDayOfMonth());
      case MONTHLY_BY_WEEKDAY -> parts.add("BYDAY=" + nth(start.toLocalDate()) + code(start));
      default -> {}
    }
    if (count != null) {
      parts.add("COUNT=" + count);
    } else if (until != null) {
      // A date UNTIL includes that day, also for a timed series (Recurrences.normalise).
      parts.add("UNTIL=" + DATE.format(until));
    }
    return String.join(";", parts);
  }

  /**
   * The repetition a stored rule stands for, in the series' zone, or empty when the form cannot
   * show it exactly (then the page keeps the rule unchanged).
   */
  public static Optional<Repetition> of(String rrule, LocalDateTime start, ZoneId zone) {
    if (rrule == null || rrule.isBlank()) {
      return Optional.of(NONE);
    }
    Map<String, String> parts = new LinkedHashMap<>();
    for (String part : rrule.toUpperCase(Locale.ROOT).split(";")) {
      Matcher matcher = PART.matcher(part);
      if (!matcher.matches() || parts.put(matcher.group(1), matcher.group(2)) != null) {
        return Optional.empty();
      }
    }
    String freq = parts.remove("FREQ");
    int interval = 1;
    Integer count = null;
    LocalDate until = null;
    try {
      if (parts.containsKey("INTERVAL")) {
        interval = Integer.parseInt(parts.remove("INTERVAL"));
      }
      if (parts.containsKey("COUNT")) {
        count = Integer.parseInt(parts.remove("COUNT"));
      }
    } catch (NumberFormatException invalid) {
      return Optional.empty();
    }
    if (parts.containsKey("UNTIL")) {
      Matcher matcher = UNTIL.matcher(parts.remove("UNTIL"));
      if (!matcher.matches()) {
        return Optional.empty();
      }
      until = LocalDate.parse(matcher.group(1), DATE);
      if (matcher.group(2) != null && matcher.group(2).endsWith("Z")) {
        // Stored in UTC (the series' last start): the day is the one in the series' zone.
        until =
            LocalDateTime.parse(matcher.group(1) + matcher.group(2), UTC_TIME)
                .atZone(ZoneOffset.UTC)
                .withZoneSameInstant(zone)
                .toLocalDate();
      }
    }
    String byDay = parts.remove("BYDAY");
    String byMonthDay = parts.remove("BYMONTHDAY");
    if (!parts.isEmpty() || freq == null) {
      return Optional.empty();
    }
    Frequency frequency;
    Set<DayOfWeek> days = Set.of();
    switch (freq) {
      case "DAILY" -> frequency = byDay == null && byMonthDay == null ? Frequency.DAILY : null;
      case "WEEKLY" -> {
        frequency = byMonthDay == null ? Frequency.WEEKLY : null;
        if (byDay != null) {
          days = EnumSet.noneOf(DayOfWeek.class);
          for (String code : byDay.split(",")) {
            Optional<DayOfWeek> day = day(code);
            if (day.isEmpty()) {
              return Optional.empty();
            }
            days.add(day.get());
          }
        }
      }
      case "MONTHLY" -> {
        if (byDay == null
            && (byMonthDay == null || byMonthDay.equals("" + start.getDayOfMonth()))) {
          frequency = Frequency.MONTHLY_BY_DATE;
        } else if (byMonthDay == null && byDay.equals(nth(start.toLocalDate()) + code(start))) {
          frequency = Frequency.MONTHLY_BY_WEEKDAY;
        } else {
          frequency = null;
        }
      }
      case "YEARLY" -> frequency = byDay == null && byMonthDay == null ? Frequency.YEARLY : null;
      default -> frequency = null;
    }
    return frequency == null
        ? Optional.empty()
        : Optional.of(new Repetition(frequency, interval, days, until, count));
  }

  /** Which of its month's weekdays a date is: 1 to 4, or -1 for the last (the fifth). */
  static int nth(LocalDate date) {
    int nth = (date.getDayOfMonth() - 1) / 7 + 1;
    return nth == 5 ? -1 : nth;
  }

  private static String code(LocalDateTime start) {
    return code(start.getDayOfWeek());
  }

  private static String code(DayOfWeek day) {
    return day.name().substring(0, 2);
  }

  private static Optional<DayOfWeek> day(String code) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (code(day).equals(code)) {
        return Optional.of(day);
      }
    }
    return Optional.empty();
  }
}
