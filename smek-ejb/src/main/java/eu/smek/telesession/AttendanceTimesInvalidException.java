package eu.smek.telesession;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** An attendance that leaves before it joins. */
public class AttendanceTimesInvalidException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public AttendanceTimesInvalidException() {
    super("telesession.attendance.timesInvalid");
  }
}
