package eu.smek.telesession;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** Closing a session, or opening a motion, while another motion is open. */
public class MotionStillOpenException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public MotionStillOpenException() {
    super("telesession.motion.stillOpen");
  }
}
