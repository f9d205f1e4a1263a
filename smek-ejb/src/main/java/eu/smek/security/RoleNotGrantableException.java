package eu.smek.security;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** Town coordinators may grant the town roles only; association roles come from administrators. */
public class RoleNotGrantableException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  public RoleNotGrantableException(Role role) {
    super("security.invitation.roleNotGrantable", role);
  }
}
