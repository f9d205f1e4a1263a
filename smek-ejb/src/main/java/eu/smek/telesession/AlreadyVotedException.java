package eu.smek.telesession;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** A second ballot of the same organisation on a motion. */
public class AlreadyVotedException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public AlreadyVotedException() {
    super("telesession.vote.already");
  }
}
