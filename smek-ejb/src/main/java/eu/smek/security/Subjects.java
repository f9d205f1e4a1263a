package eu.smek.security;

import java.util.Optional;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.util.ThreadContext;

/**
 * The Shiro subject of the current thread. Reads only what is bound (by Shiro's filter, or by a
 * test), so code running outside a request, such as start-up, sees nobody rather than failing.
 */
public final class Subjects {

  private Subjects() {}

  public static Optional<Subject> current() {
    return Optional.ofNullable(ThreadContext.getSubject());
  }

  public static Optional<AccountPrincipal> principal() {
    return current()
        .map(Subject::getPrincipal)
        .filter(AccountPrincipal.class::isInstance)
        .map(AccountPrincipal.class::cast);
  }

  /** The signed-in user; throws {@link NotSignedInException} if there is none. */
  public static AccountPrincipal requirePrincipal() {
    return principal().orElseThrow(NotSignedInException::new);
  }

  public static boolean isPermitted(String permission) {
    return current().map(subject -> subject.isPermitted(permission)).orElse(false);
  }
}
