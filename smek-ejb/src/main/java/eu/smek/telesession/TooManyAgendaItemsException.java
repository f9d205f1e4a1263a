package eu.smek.telesession;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** An agenda item beyond the most a session may have. */
public class TooManyAgendaItemsException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public TooManyAgendaItemsException(int maximum) {
    super("telesession.agenda.tooMany", maximum);
  }
}
