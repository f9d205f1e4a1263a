package eu.smek.calendar.ical;

/** An attendee's ROLE (RFC 5545 3.2.16); the iCalendar value has a hyphen for the underscore. */
public enum IcsRole {
  CHAIR,
  REQ_PARTICIPANT,
  OPT_PARTICIPANT,
  NON_PARTICIPANT
}
