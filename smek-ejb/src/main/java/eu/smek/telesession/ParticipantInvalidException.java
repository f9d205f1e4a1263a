package eu.smek.telesession;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/**
 * A chair, secretary, delegate or invitee that is not an active account or organisation that may
 * take part.
 */
public class ParticipantInvalidException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public ParticipantInvalidException(String field) {
    super("telesession.participant.invalid", field);
  }
}
