package eu.smek.calendar;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** A subscription address whose secret is wrong or was revoked. */
public class NoSuchFeedException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public NoSuchFeedException() {
    super("calendar.feed.unknown");
  }
}
