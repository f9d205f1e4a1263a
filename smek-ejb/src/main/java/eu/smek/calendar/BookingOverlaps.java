package eu.smek.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whether two events that book one resource overlap: the rule that makes a double booking
 * impossible. Pure logic without a container, so plain unit tests cover it.
 *
 * <p>An event is given with its overridden occurrences (an override replaces the occurrence it
 * overrides, also when moved away; excluded dates are left out). Two occurrences overlap when one
 * starts before the other ends; one ending exactly when the other starts does not. A timed
 * occurrence is its instants (so a weekly 10:00 meeting in Warsaw stays at 10:00 there across DST);
 * an all-day occurrence covers its dates in the resource's zone.
 *
 * <p>Series are compared over the overlap of their bounds, and at most {@link #HORIZON} of it from
 * its start; when that start lies further back than now, also over the {@link #HORIZON} from now.
 * So two series without an end that first meet more than five years after they both started (and
 * later than five years from now) are not found to overlap: rules that recur at most daily repeat
 * their pattern well within that, and an occurrence moved that far is unusual. Each window holds at
 * most ten years of daily occurrences, below {@link Recurrences#MAXIMUM_OCCURRENCES}.
 */
public final class BookingOverlaps {

  /** How far ahead two series are compared, from where both exist and from now. */
  public static final Duration HORIZON = Duration.ofDays(5 * 366);

  /** Widens an all-day event's bounds by the most any zone is off UTC. */
  private static final Duration ALL_DAY_MARGIN = Duration.ofHours(14);

  private BookingOverlaps() {}

  /** One occurrence as the resource sees it: from and to as instants. */
  public record Slot(Occurrence occurrence, Instant start, Instant end) {}

  /** The first occurrence of {@code other} that overlaps one of {@code event}, with that one. */
  public record Clash(Slot mine, Slot theirs) {}

  /**
   * The first pair of overlapping occurrences, by the start of {@code other}'s, if any.
   *
   * @param event a single event or series, with its overridden occurrences
   * @param other another one, with its overridden occurrences
   * @param zone the resource's zone, which places all-day occurrences
   * @param now the present, from which a further window is compared
   */
  public static Optional<Clash> firstClash(
      Collection<CalendarEvent> event, Collection<CalendarEvent> other, ZoneId zone, Instant now) {
    Bounds mine = bounds(event);
    Bounds theirs = bounds(other);
    Instant from = later(mine.start(), theirs.start());
    Instant to = earlier(mine.end(), theirs.end());
    if (to != null && !from.isBefore(to)) {
      return Optional.empty();
    }
    List<Instant[]> windows = new ArrayList<>();
    if (now.isAfter(from.plus(HORIZON))) {
      windows.add(new Instant[] {from, from.plus(HORIZON)});
      windows.add(new Instant[] {now, now.plus(HORIZON)});
    } else {
      windows.add(new Instant[] {from, later(from, now).plus(HORIZON)});
    }
    for (Instant[] window : windows) {
      Instant end = to == null ? window[1] : earlier(window[1], to);
      if (!window[0].isBefore(end)) {
        continue;
      }
      Optional<Clash> clash =
          firstClash(slots(event, window[0], end, zone), slots(other, window[0], end, zone));
      if (clash.isPresent()) {
        return clash;
      }
    }
    return Optional.empty();
  }

  /** The occurrences of an event with its overrides in a window, as instants, by start. */
  public static List<Slot> slots(
      Collection<CalendarEvent> event, Instant from, Instant to, ZoneId zone) {
    List<Slot> slots = new ArrayList<>();
    for (Occurrence occurrence : Recurrences.expand(event, from, to, zone)) {
      slots.add(slot(occurrence, zone));
    }
    slots.sort(Comparator.comparing(Slot::start));
    return slots;
  }

  /** An occurrence as instants; an all-day one from midnight to midnight in the zone. */
  public static Slot slot(Occurrence occurrence, ZoneId zone) {
    if (occurrence.event().isAllDay()) {
      return new Slot(
          occurrence,
          occurrence.start().toLocalDate().atStartOfDay(zone).toInstant(),
          occurrence.end().toLocalDate().atStartOfDay(zone).toInstant());
    }
    return new Slot(occurrence, occurrence.start().toInstant(), occurrence.end().toInstant());
  }

  /** The first overlap of two lists of slots sorted by start, walking both once. */
  static Optional<Clash> firstClash(List<Slot> mine, List<Slot> theirs) {
    // Slots of one event may overlap each other (an override moved onto the next occurrence), so
    // each side keeps the latest end seen so far among the slots passed.
    int i = 0;
    int j = 0;
    Slot longestMine = null;
    Slot longestTheirs = null;
    while (i < mine.size() || j < theirs.size()) {
      boolean takeMine =
          j >= theirs.size()
              || (i < mine.size() && !mine.get(i).start().isAfter(theirs.get(j).start()));
      if (takeMine) {
        Slot slot = mine.get(i++);
        if (longestTheirs != null && longestTheirs.end().isAfter(slot.start())) {
          return Optional.of(new Clash(slot, longestTheirs));
        }
        if (longestMine == null || slot.end().isAfter(longestMine.end())) {
          longestMine = slot;
        }
      } else {
        Slot slot = theirs.get(j++);
        if (longestMine != null && longestMine.end().isAfter(slot.start())) {
          return Optional.of(new Clash(longestMine, slot));
        }
        if (longestTheirs == null || slot.end().isAfter(longestTheirs.end())) {
          longestTheirs = slot;
        }
      }
    }
    return Optional.empty();
  }

  /** The UTC bounds of every occurrence of an event with its overrides; no end: unending. */
  record Bounds(Instant start, Instant end) {}

  static Bounds bounds(Collection<CalendarEvent> events) {
    Instant start = null;
    Instant end = null;
    boolean unending = false;
    for (CalendarEvent event : events) {
      ZoneId zone = event.zone();
      Duration margin = event.isAllDay() ? ALL_DAY_MARGIN : Duration.ZERO;
      Instant first = event.getStart().atZone(zone).toInstant().minus(margin);
      Instant last;
      if (event.isRecurring()) {
        Optional<LocalDateTime> lastStart = Recurrences.lastStart(event);
        if (lastStart.isEmpty()) {
          unending = true;
          last = first;
        } else {
          last = lastStart.get().plus(event.length()).atZone(zone).toInstant().plus(margin);
        }
      } else {
        last = event.getEnd().atZone(zone).toInstant().plus(margin);
      }
      start = start == null ? first : earlier(start, first);
      end = end == null ? last : later(end, last);
    }
    return new Bounds(start, unending ? null : end);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** The earlier of two ends, an empty one being none. */
  private static Instant earlier(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.isBefore(b) ? a : b;
  }

  /** A time for messages: the start in the zone, e.g. {@code 2026-06-10 10:00}. */
  public static String shown(Instant instant, ZoneId zone, boolean allDay) {
    ZonedDateTime local = instant.atZone(zone);
    return allDay
        ? local.toLocalDate().toString()
        : local.toLocalDate() + " " + local.toLocalTime().withSecond(0).withNano(0);
  }
}
