package eu.smek.shared;

import java.io.Serial;

/**
 * Someone else changed the record since it was read (optimistic locking). The user's input is kept
 * and the message asks them to reload and apply it again, so nothing is silently overwritten.
 */
public class ConcurrentChangeException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public ConcurrentChangeException() {
    super("error.concurrentChange");
  }
}
