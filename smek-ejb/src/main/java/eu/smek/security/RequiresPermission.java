package eu.smek.security;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The permission (one of {@link Permissions}) a service method requires of the current user. If a
 * parameter is annotated {@link OrganisationScope}, its value is appended as the scope, so {@code
 * membership:manage-cell} on {@code edit(@OrganisationScope long town, ...)} checks {@code
 * membership:manage-cell:<town>}. Enforced by {@link PermissionInterceptor}.
 */
@InterceptorBinding
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface RequiresPermission {

  @Nonbinding
  String value();
}
