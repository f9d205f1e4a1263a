package eu.smek.security;

import eu.smek.audit.AuditAction;
import eu.smek.audit.AuditService;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/**
 * Enforces {@link RequiresPermission} on service methods, so rights hold however a method is
 * reached (page, REST, another service). Refusals are audited in their own transaction, because the
 * refused call's transaction rolls back.
 */
@RequiresPermission("")
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class PermissionInterceptor {

  @Inject private AuditService audit;

  @AroundInvoke
  public Object check(InvocationContext invocation) throws Exception {
    String permission = requiredPermission(invocation);
    if (!Subjects.isPermitted(permission)) {
      audit.recordIndependently(
          AuditAction.ACCESS_DENIED,
          invocation.getMethod().getDeclaringClass().getSimpleName()
              + "."
              + invocation.getMethod().getName(),
          permission);
      throw new AccessDeniedException(permission);
    }
    return invocation.proceed();
  }

  static String requiredPermission(InvocationContext invocation) {
    Method method = invocation.getMethod();
    RequiresPermission required = method.getAnnotation(RequiresPermission.class);
    if (required == null) {
      required = method.getDeclaringClass().getAnnotation(RequiresPermission.class);
    }
    String permission = required.value();
    Annotation[][] parameterAnnotations = method.getParameterAnnotations();
    for (int i = 0; i < parameterAnnotations.length; i++) {
      for (Annotation annotation : parameterAnnotations[i]) {
        if (annotation instanceof OrganisationScope) {
          permission =
              Permissions.scoped(permission, ((Number) invocation.getParameters()[i]).longValue());
        }
      }
    }
    return permission;
  }
}
