package eu.smek.calendar;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** The organisation already has a room or equipment of that name. */
public class ResourceNameTakenException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public ResourceNameTakenException(String name) {
    super("calendar.rule.resourceNameTaken", name);
  }
}
