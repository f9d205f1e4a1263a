package eu.smek.security;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** Marks the parameter holding the organisation id that scopes a {@link RequiresPermission}. */
@Retention(RUNTIME)
@Target(PARAMETER)
public @interface OrganisationScope {}
