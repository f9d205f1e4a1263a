package eu.smek.calendar;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** An edit of one occurrence of a series at a time when the series has none. */
public class NoSuchOccurrenceException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public NoSuchOccurrenceException(java.time.LocalDateTime start) {
    super("calendar.rule.noSuchOccurrence", String.valueOf(start));
  }
}
