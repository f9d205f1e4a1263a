package eu.smek.calendar.ical;

import java.util.Objects;

/**
 * An attendee of an event with the answer they gave.
 *
 * @param name shown by calendar programs, may be null
 * @param email a plain address, checked by {@link IcsAddresses}
 * @param role required, optional, chair or non-participant
 * @param partStat the answer so far
 * @param rsvp whether an answer is asked for
 */
public record IcsAttendee(
    String name, String email, IcsRole role, IcsPartStat partStat, boolean rsvp) {

  public IcsAttendee {
    name = IcsAddresses.name(name);
    email = IcsAddresses.email(Objects.requireNonNull(email, "email"));
    role = role == null ? IcsRole.REQ_PARTICIPANT : role;
    partStat = partStat == null ? IcsPartStat.NEEDS_ACTION : partStat;
  }

  /** The same attendee with another answer (for a REPLY). */
  public IcsAttendee answering(IcsPartStat answer) {
    return new IcsAttendee(name, email, role, answer, false);
  }
}
