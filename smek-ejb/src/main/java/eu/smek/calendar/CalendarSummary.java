package eu.smek.calendar;

import java.io.Serializable;

/**
 * A calendar as the caller sees it: its space's name, whether the caller belongs to that space (and
 * so sees its private events) and whether they may add events to it.
 */
public record CalendarSummary(EventCalendar calendar, String name, boolean member, boolean mayEdit)
    implements Serializable {}
