package eu.smek.calendar.ical;

/** An attendee's answer, PARTSTAT (RFC 5545 3.2.12); the iCalendar value has a hyphen. */
public enum IcsPartStat {
  NEEDS_ACTION,
  ACCEPTED,
  DECLINED,
  TENTATIVE,
  DELEGATED
}
