package eu.smek.calendar.ical;

/** The iTIP method (RFC 5546) of a calendar: what the receiving program is asked to do with it. */
public enum IcsMethod {
  /** An export or subscription feed: events to show, no reply expected. */
  PUBLISH,
  /** An invitation, or a change to one: attendees are asked to reply. */
  REQUEST,
  /** The organiser withdraws an event (or one occurrence of it). */
  CANCEL,
  /** An attendee's answer to an invitation. */
  REPLY
}
