package eu.smek.calendar;

import java.io.Serializable;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * When one invitee is busy in a range: the occurrences of the events they organise or are invited
 * to (and have not declined), without titles, in the reader's zone.
 */
public record FreeBusy(String name, List<Busy> busy) implements Serializable {

  /** One busy time. */
  public record Busy(ZonedDateTime start, ZonedDateTime end) implements Serializable {}
}
