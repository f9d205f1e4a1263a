package eu.smek.operations;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** The test mail of the system status page could not be handed to the mail server. */
public class MailTestFailedException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  MailTestFailedException(String address, String error) {
    super("operations.mailTest.failed", address, error);
  }
}
