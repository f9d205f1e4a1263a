/**
 * Calendars and their events: one calendar per space (the network, an organisation, a working
 * group, a person), events with their own IANA time zone or all-day dates, visibility, an RFC 5545
 * recurrence rule with excluded dates and overridden occurrences, and the UID and SEQUENCE that
 * iCalendar (iMIP) needs; the rooms and equipment of each organisation that events book. Rules that
 * need no database (who sees an event, how a series is split) live in these classes; expanding a
 * series into occurrences is in the service module, where ical4j is.
 */
package eu.smek.calendar;
