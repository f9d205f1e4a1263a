package eu.smek.calendar.ical;

import java.util.List;

/**
 * Something the reader left out or interpreted, for the import's preview: a key of the messages
 * bundle ({@code calendar.ical.*}) and its arguments (the event's title first, when there is one).
 */
public record IcsNotice(String messageKey, List<Object> arguments) {

  public IcsNotice {
    arguments = List.copyOf(arguments);
  }

  static IcsNotice of(String messageKey, Object... arguments) {
    return new IcsNotice(messageKey, List.of(arguments));
  }
}
