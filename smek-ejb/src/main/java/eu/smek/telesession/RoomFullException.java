package eu.smek.telesession;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** The room holds as many participants as it can without a media server. */
public class RoomFullException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public RoomFullException(int limit) {
    super("telesession.room.full", limit);
  }
}
