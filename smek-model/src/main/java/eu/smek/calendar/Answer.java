package eu.smek.calendar;

/** An attendee's answer to an invitation, iCalendar's PARTSTAT. */
public enum Answer {
  NEEDS_ACTION,
  ACCEPTED,
  TENTATIVE,
  DECLINED;

  /** Whether an invitee may give this answer (not taking an answer back to "no answer"). */
  public boolean isGiven() {
    return this != NEEDS_ACTION;
  }
}
