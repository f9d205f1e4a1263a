package eu.smek.calendar.ical;

import java.util.List;

/**
 * What the reader found in a file: the events it could read, and notices of what it left out or
 * interpreted, to show before anything is saved.
 */
public record IcsImport(List<IcsEvent> events, List<IcsNotice> notices) {

  public IcsImport {
    events = List.copyOf(events);
    notices = List.copyOf(notices);
  }
}
