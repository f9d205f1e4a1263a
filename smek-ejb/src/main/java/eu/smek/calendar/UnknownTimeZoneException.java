package eu.smek.calendar;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** A time zone that is not an IANA region (such as Europe/Warsaw). */
public class UnknownTimeZoneException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public UnknownTimeZoneException(String zone) {
    super("calendar.rule.unknownTimeZone", zone);
  }
}
