package eu.smek.telesession;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** A ballot on, or the closing of, a motion that is closed already. */
public class MotionClosedException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public MotionClosedException() {
    super("telesession.motion.closed");
  }
}
