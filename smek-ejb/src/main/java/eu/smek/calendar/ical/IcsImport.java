package eu.smek.calendar.ical;

import java.util.List;

/**
 * What the reader found in a file: the events it could read, and notices of what it left out or
 * interpreted, to show before anything is saved.
 *
 * @param method the file's METHOD (a REPLY or CANCEL is an answer, not a calendar to import), or
 *     null when it has none SMEK knows
 * @param events in the file's order; an overridden occurrence follows as an event of its own
 * @param notices each said once
 */
public record IcsImport(IcsMethod method, List<IcsEvent> events, List<IcsNotice> notices) {

  public IcsImport {
    events = List.copyOf(events);
    notices = List.copyOf(notices);
  }
}
