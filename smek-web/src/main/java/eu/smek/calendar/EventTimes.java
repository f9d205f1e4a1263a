package eu.smek.calendar;

import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The start, end and time zone of an event as its forms edit them: a date and a time each, and a
 * zone from {@link #ZONES}. The calendar's event form and the telesession's scheduling form share
 * it, with the fields in {@code /WEB-INF/includes/event-times.xhtml}.
 */
public class EventTimes implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  /** The zones offered for an event: the network's countries and their neighbours. */
  public static final List<String> ZONES =
      List.of(
          "Europe/Warsaw",
          "Europe/Bratislava",
          "Europe/Kyiv",
          "Europe/Budapest",
          "Europe/Bucharest",
          "UTC");

  LocalDate startDate;
  LocalTime startTime;
  LocalDate endDate;
  LocalTime endTime;
  String timeZone;

  /** Sets the times from start to end, in the zone. */
  public void set(LocalDateTime start, LocalDateTime end, String zone) {
    startDate = start.toLocalDate();
    startTime = start.toLocalTime();
    endDate = end.toLocalDate();
    endTime = end.toLocalTime();
    timeZone = zone;
  }

  void clearTimes() {
    startDate = null;
    startTime = null;
    endDate = null;
    endTime = null;
    timeZone = null;
  }

  /** The start, at midnight when no time was given. */
  public LocalDateTime start() {
    return startDate.atTime(startTime == null ? LocalTime.MIDNIGHT : startTime);
  }

  /** The end, at midnight when no time was given. */
  public LocalDateTime end() {
    return endDate.atTime(endTime == null ? LocalTime.MIDNIGHT : endTime);
  }

  /**
   * How a page shows an event's interval: the start's date and time, and the end's time, or its
   * date and time if it ends on another day; in the zone the two are given in.
   */
  public static String interval(ZonedDateTime start, ZonedDateTime end, Locale locale) {
    DateTimeFormatter full =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(locale);
    DateTimeFormatter time =
        DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
    return full.format(start)
        + " – "
        + (start.toLocalDate().equals(end.toLocalDate()) ? time.format(end) : full.format(end));
  }

  /** The zones to choose from: {@link #ZONES}, and first the chosen one if it is not among them. */
  public List<String> getZones() {
    List<String> zones = new ArrayList<>(ZONES);
    if (timeZone != null && !zones.contains(timeZone)) {
      zones.add(0, timeZone);
    }
    return zones;
  }

  public LocalDate getStartDate() {
    return startDate;
  }

  public void setStartDate(LocalDate startDate) {
    this.startDate = startDate;
  }

  public LocalTime getStartTime() {
    return startTime;
  }

  public void setStartTime(LocalTime startTime) {
    this.startTime = startTime;
  }

  public LocalDate getEndDate() {
    return endDate;
  }

  public void setEndDate(LocalDate endDate) {
    this.endDate = endDate;
  }

  public LocalTime getEndTime() {
    return endTime;
  }

  public void setEndTime(LocalTime endTime) {
    this.endTime = endTime;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public void setTimeZone(String timeZone) {
    this.timeZone = timeZone;
  }
}
