package eu.smek.security;

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

  @Inject private Guard guard;

  @AroundInvoke
  public Object check(InvocationContext invocation) throws Exception {
    guard.require(
        requiredPermission(invocation),
        invocation.getMethod().getDeclaringClass().getSimpleName()
            + "."
            + invocation.getMethod().getName());
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
