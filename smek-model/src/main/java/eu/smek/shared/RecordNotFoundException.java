package eu.smek.shared;

import java.io.Serial;

/** A record that the caller asked for by its identifier does not exist (or is not visible). */
public class RecordNotFoundException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public RecordNotFoundException(Class<?> type, Object id) {
    super("error.recordNotFound", type.getSimpleName(), String.valueOf(id));
  }
}
