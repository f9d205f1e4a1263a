package eu.smek.calendar;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * A time a resource is booked, in the reader's zone (an all-day occurrence: its midnights, the end
 * exclusive). The event is named only to those who may see it; to others the time is just busy.
 *
 * @param eventId the booking event (the series, or the overridden occurrence), or {@code null}
 * @param title its title, or {@code null}
 */
public record BusyTime(
    LocalDateTime start, LocalDateTime end, boolean allDay, Long eventId, String title)
    implements Serializable {}
