package eu.smek.telesession;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** Something only those present in the room may do (write in its chat, for instance). */
public class NotInRoomException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public NotInRoomException() {
    super("telesession.room.notPresent");
  }
}
