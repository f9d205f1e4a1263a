package eu.smek.telesession;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/**
 * A ballot from someone who may not vote for their organisation: neither its coordinator nor the
 * person it designated, or an organisation that is not a member.
 */
public class NotEntitledToVoteException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public NotEntitledToVoteException() {
    super("telesession.vote.notEntitled");
  }
}
