package eu.smek.telesession;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** A new order of the agenda that does not name every item exactly once. */
public class AgendaOrderInvalidException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public AgendaOrderInvalidException() {
    super("telesession.agenda.orderInvalid");
  }
}
