package eu.smek.audit;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** A search asked for entries from a date after its end date. */
public class InvalidDateRangeException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public InvalidDateRangeException() {
    super("error.dateRange");
  }
}
