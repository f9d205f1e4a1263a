package eu.smek.security;

import eu.smek.shared.BusinessException;
import java.io.Serial;

/** The current user lacks the permission a service method requires. */
public class AccessDeniedException extends BusinessException {

  @Serial private static final long serialVersionUID = 1L;

  private final String permission;

  public AccessDeniedException(String permission) {
    super("error.accessDenied");
    this.permission = permission;
  }

  public String getPermission() {
    return permission;
  }
}
