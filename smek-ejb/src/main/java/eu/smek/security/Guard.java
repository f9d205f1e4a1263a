package eu.smek.security;

import eu.smek.audit.AuditAction;
import eu.smek.audit.AuditService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Checks a permission and refuses with {@link AccessDeniedException}, auditing the refusal in its
 * own transaction (the refused call's rolls back). Used by {@link PermissionInterceptor}, and by
 * services where the scope is only known after reading a record (the organisation of a person).
 */
@ApplicationScoped
public class Guard {

  @Inject private AuditService audit;

  /**
   * @param operation what was attempted, for the audit log, e.g. {@code
   *     MembershipService.addPerson}
   */
  public void require(String permission, String operation) {
    if (!Subjects.isPermitted(permission)) {
      audit.recordIndependently(AuditAction.ACCESS_DENIED, operation, permission);
      throw new AccessDeniedException(permission);
    }
  }
}
