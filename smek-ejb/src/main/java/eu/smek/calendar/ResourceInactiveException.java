package eu.smek.calendar;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** The resource has been deactivated by its town hall and can no longer be booked. */
public class ResourceInactiveException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public ResourceInactiveException(String resource) {
    super("calendar.rule.resourceInactive", resource);
  }
}
