package eu.smek.security;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/**
 * The invitation link is unknown, already used, replaced or expired. Nothing more is said, so links
 * cannot be probed.
 */
public class InvitationInvalidException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public InvitationInvalidException() {
    super("security.invitation.invalid");
  }
}
